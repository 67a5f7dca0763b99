-- A job fair or an order-class program is closed by staff (when and by whom): its open positions close with it in the same
-- transaction (see Openings/SourceClosing), and a closed one takes no new positions, imports or changes.
ALTER TABLE job_fairs
    ADD COLUMN closed_at timestamptz,
    ADD COLUMN closed_by text,
    ADD CONSTRAINT job_fairs_closed CHECK ((closed_at IS NULL) = (closed_by IS NULL));
ALTER TABLE programs
    ADD COLUMN closed_at timestamptz,
    ADD COLUMN closed_by text,
    ADD CONSTRAINT programs_closed CHECK ((closed_at IS NULL) = (closed_by IS NULL));
