-- An enterprise's founder may be a veteran with a profile; deleting the profile keeps the enterprise, unlinked.
ALTER TABLE enterprises
    ADD CONSTRAINT enterprises_founder_veteran FOREIGN KEY (founder_veteran_id) REFERENCES veterans (id) ON DELETE SET NULL;
