using Dapper;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Imports;

public sealed record PlannedCompany(Guid Id, bool IsNew, CompanyCells Cells);

public sealed record PlannedPosition(Guid NewId, Guid CompanyId, int RowNumber, PositionCells Cells);

/// <summary>
/// What an import will write: companies resolved to ids, positions de-duplicated, and the report so far.
/// <paramref name="RowsNotTheirs"/>: in a recruiter's upload into a fair, the rows of other companies (null otherwise).
/// </summary>
public sealed record ImportPlan(IReadOnlyList<PlannedCompany> Companies, IReadOnlyList<PlannedPosition> Positions, List<ImportProblem> Problems,
    int? RowsNotTheirs = null)
{
    /// <summary>
    /// Companies are the same by credit code, else by normalised name; positions by (company, title, location). A repeat
    /// of an identical row is imported once and reported; the same key with other values is rejected, naming the first row.
    /// Rows of a company outside <paramref name="allowed"/> (a recruiter's own companies; a program's sponsors) are rejected; null allows all.
    /// With <paramref name="othersNotTheirs"/> (a recruiter's upload of a fair's sheet, which names every employer) they are
    /// instead counted as other companies' rows, and nothing is reported about them: they are not the uploader's to fix.
    /// </summary>
    public static async Task<ImportPlan> BuildAsync(NpgsqlConnection db, NpgsqlTransaction tx, IReadOnlyList<ParsedRow> rows,
        List<ImportProblem> problems, IReadOnlySet<Guid>? allowed, bool othersNotTheirs = false)
    {
        // A row without a credit code belongs to the coded company of the same normalised name, if the file has one.
        var codeByName = rows.Where(row => row.Company.CreditCode is not null)
            .GroupBy(row => row.Company.NormalizedName).ToDictionary(group => group.Key, group => group.First().Company.CreditCode!);
        string CompanyKey(CompanyCells company) =>
            company.CreditCode ?? (codeByName.TryGetValue(company.NormalizedName, out var code) ? code : "name:" + company.NormalizedName);

        var firstByKey = new Dictionary<(string, string, string), ParsedRow>();
        var kept = new List<(ParsedRow Row, string CompanyKey)>();
        foreach (var row in rows)
        {
            var companyKey = CompanyKey(row.Company);
            var key = (companyKey, row.Position.Title, row.Position.Location);
            if (!firstByKey.TryGetValue(key, out var first))
            {
                firstByKey[key] = row;
                kept.Add((row, companyKey));
            }
            else if (first.Position.Signature() == row.Position.Signature())
            {
                problems.Add(new(row.RowNumber, null, row.Position.Title, ImportProblem.Duplicate, Say.Text(
                    $"与第 {first.RowNumber} 行完全相同：只导入一次。", $"Identical to row {first.RowNumber}: imported once.")));
            }
            else
            {
                problems.Add(new(row.RowNumber, null, row.Position.Title, ImportProblem.Rejected, Say.Text(
                    $"与第 {first.RowNumber} 行的单位、岗位和地点相同，但内容不同：未导入。",
                    $"Same company, title and location as row {first.RowNumber} but different values: not imported.")));
            }
        }

        var existing = (await db.QueryAsync<(Guid Id, string NormalizedName, string? CreditCode)>("""
            SELECT id, normalized_name, credit_code FROM companies
            WHERE credit_code = ANY(@codes) OR normalized_name = ANY(@names)
            ORDER BY id
            """, new
        {
            codes = kept.Select(k => k.Row.Company.CreditCode).OfType<string>().Distinct().ToArray(),
            names = kept.Select(k => k.Row.Company.NormalizedName).Distinct().ToArray(),
        }, tx)).ToList();
        var byCode = existing.Where(c => c.CreditCode is not null).ToDictionary(c => c.CreditCode!, c => c.Id);
        var byName = existing.GroupBy(c => c.NormalizedName).ToDictionary(g => g.Key, g => g.ToList());

        var companies = new Dictionary<string, PlannedCompany>();
        var positions = new List<PlannedPosition>();
        foreach (var (row, companyKey) in kept)
        {
            if (!companies.TryGetValue(companyKey, out var company))
            {
                var cells = row.Company with { CreditCode = companyKey.StartsWith("name:", StringComparison.Ordinal) ? null : companyKey };
                var match = cells.CreditCode is { } code && byCode.TryGetValue(code, out var codeMatch) ? codeMatch
                    : byName.TryGetValue(cells.NormalizedName, out var named)
                      && named.FirstOrDefault(c => c.CreditCode is null || cells.CreditCode is null) is { Id: var nameMatch } && nameMatch != Guid.Empty
                        ? nameMatch : (Guid?)null;
                company = companies[companyKey] = new PlannedCompany(match ?? Guid.CreateVersion7(), match is null, cells);
            }
            if (allowed is not null && !allowed.Contains(company.Id))
            {
                if (othersNotTheirs)
                {
                    continue;
                }
                problems.Add(new(row.RowNumber, null, row.Company.Name, ImportProblem.Rejected, Say.Text(
                    "该单位不是您可为其导入的单位（您所代表的单位；订单班仅限其合作企业）：此行未导入。",
                    "You may not import for this company (only companies you act for; into a program, only its sponsors): the row was not imported.")));
                continue;
            }
            positions.Add(new PlannedPosition(Guid.CreateVersion7(), company.Id, row.RowNumber, row.Position));
        }
        var used = positions.Select(p => p.CompanyId).ToHashSet();
        int? rowsNotTheirs = null;
        if (othersNotTheirs)
        {
            var others = companies.Where(c => !allowed!.Contains(c.Value.Id)).Select(c => c.Key).ToHashSet();
            var notTheirs = rows.Where(row => others.Contains(CompanyKey(row.Company))).Select(row => row.RowNumber).ToHashSet();
            problems.RemoveAll(problem => notTheirs.Contains(problem.RowNumber));
            rowsNotTheirs = notTheirs.Count;
        }
        return new ImportPlan([.. companies.Values.Where(c => used.Contains(c.Id))], positions, problems, rowsNotTheirs);
    }
}
