using Dapper;
using JobMatch.Api.Openings;
using JobMatch.Api.Taxonomy;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Api.Imports;

public sealed record WriteCounts(int CompaniesCreated, int CompaniesMatched, int PositionsCreated, int PositionsUpdated, int PositionsUnchanged,
    int OpeningsCreated, int OpeningsUpdated, int OpeningsUnchanged, int HeadcountUnknown);

/// <summary>
/// Writes a plan in the caller's transaction: new companies and the positions go in by binary COPY (positions into a
/// staging table), then a few set-based statements upsert them. What a batch created carries its id (created_batch_id);
/// what it changed leaves the earlier values in the change log. No row-by-row INSERTs.
/// </summary>
public static class ImportWriter
{
    // Aliases without underscores: the seed command reads these without Dapper's underscore matching.
    // The columns a re-import may change (a position's content); "changed" lists the ones that differ from the stored position.
    const string PositionColumns = OpeningSql.ContentColumns;

    static string Comparable(string alias) =>
        $"jsonb_build_object({string.Join(", ", OpeningSql.ContentColumnNames.Select(column => $"'{column}', {alias}.{column}"))})";

    public static async Task<WriteCounts> WriteAsync(NpgsqlConnection db, NpgsqlTransaction tx, Guid batchId, ImportSource source,
        ImportPlan plan, string actor, CancellationToken ct)
    {
        var newCompanies = plan.Companies.Where(c => c.IsNew).ToList();
        await using (var copy = await db.BeginBinaryImportAsync("""
            COPY companies (id, name, normalized_name, credit_code, industry, district, district_code, veteran_founded, contact_name, contact_phone, created_by, created_batch_id)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var company in newCompanies)
            {
                var c = company.Cells;
                copy.StartRow();
                copy.Write(company.Id, NpgsqlDbType.Uuid);
                copy.Write(c.Name, NpgsqlDbType.Text);
                copy.Write(c.NormalizedName, NpgsqlDbType.Text);
                WriteOrNull(copy, c.CreditCode, NpgsqlDbType.Text);
                WriteOrNull(copy, c.Industry, NpgsqlDbType.Text);
                WriteOrNull(copy, Districts.Name(c.DistrictCode), NpgsqlDbType.Text);
                WriteOrNull(copy, c.DistrictCode, NpgsqlDbType.Text);
                copy.Write(c.VeteranFounded, NpgsqlDbType.Boolean);
                WriteOrNull(copy, c.ContactName, NpgsqlDbType.Text);
                WriteOrNull(copy, c.ContactPhone, NpgsqlDbType.Text);
                copy.Write(actor, NpgsqlDbType.Text);
                copy.Write(batchId, NpgsqlDbType.Uuid);
            }
            await copy.CompleteAsync(ct);
        }
        // Typed as the positions table types them, so the staging table never drifts from it.
        await db.ExecuteAsync($"""
            CREATE TEMP TABLE staged_positions ON COMMIT DROP AS
            SELECT id, company_id, source_row, title, location, {PositionColumns}, NULL::uuid AS existing_id, NULL::text[] AS changed
            FROM positions WITH NO DATA
            """, transaction: tx);
        await using (var copy = await db.BeginBinaryImportAsync($"""
            COPY staged_positions (id, company_id, source_row, title, location, {PositionColumns}) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var position in plan.Positions)
            {
                WritePosition(copy, position);
            }
            await copy.CompleteAsync(ct);
        }

        var upsert = new { batchId, source = source.Id, fairId = source.FairId, programId = source.ProgramId, kind = source.Kind, actor };
        await db.ExecuteAsync($"""
            UPDATE staged_positions s SET existing_id = p.id,
                changed = ARRAY(SELECT n.key FROM jsonb_each({Comparable("s")}) n
                                WHERE n.value IS DISTINCT FROM {Comparable("p")} -> n.key ORDER BY n.key)
            FROM positions p
            WHERE p.source_id = @source AND p.company_id = s.company_id AND p.title = s.title AND p.location = s.location;

            INSERT INTO import_changes (batch_id, entity, entity_id, action, previous)
            SELECT @batchId, 'position', p.id, 'updated', to_jsonb(p)
            FROM positions p JOIN staged_positions s ON s.existing_id = p.id WHERE cardinality(s.changed) > 0;

            UPDATE positions p SET ({PositionColumns}, import_batch_id, source_row, updated_at) =
                ROW({Prefixed("s")}, @batchId, s.source_row, now())
            FROM staged_positions s WHERE s.existing_id = p.id AND cardinality(s.changed) > 0;

            INSERT INTO positions (id, company_id, fair_id, program_id, kind, title, location, {PositionColumns}, import_batch_id,
                                   created_batch_id, source_row, created_by)
            SELECT id, company_id, @fairId, @programId, @kind, title, location, {PositionColumns}, @batchId, @batchId, source_row, @actor
            FROM staged_positions WHERE existing_id IS NULL;
            """, upsert, tx);

        var counts = await db.QuerySingleAsync<PositionCounts>("""
            SELECT count(*) FILTER (WHERE existing_id IS NULL)::int AS created,
                   count(*) FILTER (WHERE cardinality(changed) > 0)::int AS updated,
                   count(*) FILTER (WHERE cardinality(changed) = 0)::int AS unchanged,
                   coalesce(sum(headcount) FILTER (WHERE existing_id IS NULL), 0)::int AS openingscreated,
                   coalesce(sum(headcount) FILTER (WHERE cardinality(changed) > 0), 0)::int AS openingsupdated,
                   coalesce(sum(headcount) FILTER (WHERE cardinality(changed) = 0), 0)::int AS openingsunchanged,
                   count(*) FILTER (WHERE headcount IS NULL)::int AS unknown
            FROM staged_positions
            """, transaction: tx);
        foreach (var (row, changed) in await db.QueryAsync<(int, string[])>(
            "SELECT source_row, changed FROM staged_positions WHERE cardinality(changed) > 0 ORDER BY source_row", transaction: tx))
        {
            plan.Problems.Add(new(row, string.Join(", ", changed), null, ImportProblem.Updated, Conventions.Say.Text(
                "更新了先前导入的岗位。", "Updated a position imported earlier.")));
        }
        if (plan.RowsNotTheirs is not null)
        {
            // A recruiter's share of a sheet the staff may have imported already: their positions already there are
            // kept as they are, once, and the report says so.
            foreach (var (row, title) in await db.QueryAsync<(int, string)>("""
                SELECT source_row, title FROM staged_positions
                WHERE existing_id IS NOT NULL AND cardinality(changed) = 0 ORDER BY source_row
                """, transaction: tx))
            {
                plan.Problems.Add(new(row, null, title, ImportProblem.Duplicate, Conventions.Say.Text(
                    "已列出：本招聘会已有该单位同名同地点的岗位，未重复添加。",
                    "Already listed: this fair has the company's position of this title and location; not added again.")));
            }
        }
        await db.ExecuteAsync("DROP TABLE staged_positions", transaction: tx);
        return new WriteCounts(newCompanies.Count, plan.Companies.Count - newCompanies.Count, counts.Created, counts.Updated, counts.Unchanged,
            counts.OpeningsCreated, counts.OpeningsUpdated, counts.OpeningsUnchanged, counts.Unknown);
    }

    static void WritePosition(NpgsqlBinaryImporter copy, PlannedPosition position)
    {
        var p = position.Cells;
        copy.StartRow();
        copy.Write(position.NewId, NpgsqlDbType.Uuid);
        copy.Write(position.CompanyId, NpgsqlDbType.Uuid);
        copy.Write(position.RowNumber, NpgsqlDbType.Integer);
        copy.Write(p.Title, NpgsqlDbType.Text);
        copy.Write(p.Location, NpgsqlDbType.Text);
        WriteOrNull(copy, p.Headcount, NpgsqlDbType.Integer);
        WriteOrNull(copy, p.Duties, NpgsqlDbType.Text);
        WriteOrNull(copy, p.Requirements, NpgsqlDbType.Text);
        copy.Write(p.Skills, NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteOrNull(copy, p.Education, NpgsqlDbType.Text);
        copy.Write(p.Majors, NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteOrNull(copy, p.AgeMin, NpgsqlDbType.Smallint);
        WriteOrNull(copy, p.AgeMax, NpgsqlDbType.Smallint);
        WriteOrNull(copy, p.DistrictCode, NpgsqlDbType.Text);
        WriteOrNull(copy, p.SalaryMin, NpgsqlDbType.Integer);
        WriteOrNull(copy, p.SalaryMax, NpgsqlDbType.Integer);
        WriteOrNull(copy, p.SalaryText, NpgsqlDbType.Text);
        copy.Write(p.Certificates, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(p.VeteranPreference, NpgsqlDbType.Boolean);
        WriteOrNull(copy, p.GenderNote, NpgsqlDbType.Text);
        WriteOrNull(copy, p.Notes, NpgsqlDbType.Text);
        WriteOrNull(copy, p.ClosesOn, NpgsqlDbType.Date);
    }

    static string Prefixed(string alias) => string.Join(", ", OpeningSql.ContentColumnNames.Select(column => alias + "." + column));

    // Synchronous writes: COPY buffers rows in memory and flushes in large blocks, so async per value only adds overhead.
    static void WriteOrNull<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    sealed record PositionCounts(int Created, int Updated, int Unchanged, int OpeningsCreated, int OpeningsUpdated, int OpeningsUnchanged, int Unknown);
}
