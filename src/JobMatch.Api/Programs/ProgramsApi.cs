using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Taxonomy;
using Npgsql;

namespace JobMatch.Api.Programs;

public sealed record Sponsor(Guid CompanyId, string CompanyName, int Seats);

/// <summary>
/// An order-class program (订单班): enrolment is hiring; each sponsor's seats are a training position. Closed (when) once
/// staff close it: its seats closed with it and it takes no more (Openings/SourceClosing).
/// </summary>
public sealed record OrderClass(Guid Id, string Name, string College, string[] Majors, string DegreeLevel, DateOnly StartsOn,
    int DurationMonths, IReadOnlyList<Sponsor> Sponsors, DateTime CreatedAt, DateTime? ClosedAt);

/// <summary>A program as one spreadsheet row: its sponsors and their seats in one cell.</summary>
public sealed record ProgramCsvRow(string Name, string College, string DegreeLevel, DateOnly StartsOn, int DurationMonths, string Sponsors,
    int Seats, DateTime? ClosedAt)
{
    public static ProgramCsvRow From(OrderClass p) => new(p.Name, p.College, p.DegreeLevel, p.StartsOn, p.DurationMonths,
        string.Join("; ", p.Sponsors.Select(s => $"{s.CompanyName} {s.Seats}")), p.Sponsors.Sum(s => s.Seats), p.ClosedAt);
}

public sealed record SponsorSeats(Guid CompanyId, [AtLeast(1)] int Seats);

public sealed record CreateProgram([Text(200)] string Name, [Text(200)] string College, string[]? Majors,
    [OneOf(typeof(CreateProgram), nameof(CreateProgram.DegreeLevels))] string DegreeLevel, DateOnly StartsOn,
    [Between(1, 120)] int DurationMonths, IReadOnlyList<SponsorSeats>? Sponsors) // a list, not an array: the validation generator skips the items of an array
{
    /// <summary>What an order class may lead to: the education levels from high school up.</summary>
    internal static readonly string[] DegreeLevels = [.. EducationCodes.All.Skip(1).Select(level => level.Label)];
}

public static class ProgramsApi
{
    public static RouteGroupBuilder MapPrograms(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/programs").WithTags("Programs");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithSummary("Order-class programs with their sponsors, newest first; JSON or CSV");
        group.MapGet("/{id:guid}", GetById).RequireAuthorization(Policies.AnyRole).WithSummary("One order-class program");
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .WithSummary("Create an order-class program; each sponsor's seat quota becomes a training position (admin)");
        return group;
    }

    static async Task<Results<Ok<Page<OrderClass>>, CsvResult<ProgramCsvRow>, ValidationProblem>> List(HttpRequest request, NpgsqlDataSource dataSource,
        bool? closed, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = await Load(db, null, $"WHERE {WhetherClosed} AND (@after::uuid IS NULL OR p.id < @after) ORDER BY p.id DESC LIMIT @take",
            new { closed, after, take = take + 1 });
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM programs p WHERE {WhetherClosed}", new { closed });
        var page = Paging.ToPage(rows, take, total, program => program.Id);
        return Listing.WantsCsv(request)
            ? Listing.Csv(new Page<ProgramCsvRow>([.. page.Items.Select(ProgramCsvRow.From)], page.Total, page.NextCursor), "programs.csv")
            : TypedResults.Ok(page);
    }

    static async Task<Results<Ok<OrderClass>, NotFound>> GetById(Guid id, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await FindAsync(db, null, id) is { } program ? TypedResults.Ok(program) : TypedResults.NotFound();
    }

    /// <summary>SQL: the programs p that are closed (@closed true), open (false) or both (null).</summary>
    const string WhetherClosed = "(@closed::boolean IS NULL OR (p.closed_at IS NOT NULL) = @closed)";

    /// <summary>One program with its sponsors; with <paramref name="forUpdate"/>, its row locked for a change.</summary>
    public static async Task<OrderClass?> FindAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Guid id, bool forUpdate = false) =>
        (await Load(db, tx, $"WHERE p.id = @id {(forUpdate ? "FOR UPDATE OF p" : "")}", new { id })).SingleOrDefault();

    static async Task<List<OrderClass>> Load(NpgsqlConnection db, NpgsqlTransaction? tx, string where, object parameters)
    {
        var programs = (await db.QueryAsync<ProgramRow>($"""
            SELECT p.id, p.name, p.college, p.majors, p.degree_level, p.starts_on, p.duration_months, p.created_at, p.closed_at
            FROM programs p {where}
            """, parameters, tx)).ToList();
        var sponsors = (await db.QueryAsync<(Guid ProgramId, Guid CompanyId, string Name, int Seats)>("""
            SELECT s.program_id, s.company_id, c.name, s.seats FROM program_sponsors s JOIN companies c ON c.id = s.company_id
            WHERE s.program_id = ANY(@ids) ORDER BY c.name
            """, new { ids = programs.Select(p => p.Id).ToArray() }, tx)).ToLookup(s => s.ProgramId);
        return [.. programs.Select(p => new OrderClass(p.Id, p.Name, p.College, p.Majors, p.DegreeLevel, p.StartsOn, p.DurationMonths,
            [.. sponsors[p.Id].Select(s => new Sponsor(s.CompanyId, s.Name, s.Seats))], p.CreatedAt, p.ClosedAt))];
    }

    static async Task<Results<Created<OrderClass>, ValidationProblem>> Create(CreateProgram body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        var sponsors = body.Sponsors ?? [];
        if (Errors(body, sponsors) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await UnknownSponsor(db, tx, sponsors) is { } unknown)
        {
            return unknown;
        }
        var program = await CreateAsync(db, tx, body with { Name = body.Name.Trim(), College = body.College.Trim(), Sponsors = sponsors },
            user.Subject());
        await AuditLog.WriteAsync(db, tx, user, "program.created", "program", program.Id);
        await tx.CommitAsync();
        return TypedResults.Created($"/api/programs/{program.Id}", program);
    }

    /// <summary>The 400 to answer when a sponsor is not a registered company, else null.</summary>
    public static async Task<ValidationProblem?> UnknownSponsor(NpgsqlConnection db, NpgsqlTransaction tx, IReadOnlyList<SponsorSeats> sponsors)
    {
        var known = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM companies WHERE id = ANY(@ids)",
            new { ids = sponsors.Select(s => s.CompanyId).ToArray() }, tx);
        return known == sponsors.Count ? null : TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["sponsors"] = [Say.Text("合作企业不存在：请先登记单位。", "A sponsor is not a registered company: register it first.")],
        });
    }

    /// <summary>The field errors of a program beyond what CreateProgram declares (lengths, degree levels, duration).</summary>
    public static Dictionary<string, string[]> Errors(CreateProgram body, IReadOnlyList<SponsorSeats> sponsors)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = [Say.Text("请填写项目名称（1–200 字）。", "Give the program's name (1–200 characters).")];
        }
        if (string.IsNullOrWhiteSpace(body.College))
        {
            errors["college"] = [Say.Text("请填写院校名称。", "Give the college.")];
        }
        if (body.DegreeLevel is null)
        {
            errors["degreeLevel"] = [Say.Text("学历层次应为 高中/中专/技校、大专、本科、硕士 或 博士。", "Degree level must be 高中/中专/技校, 大专, 本科, 硕士 or 博士.")];
        }
        if ((body.Majors ?? []).Any(string.IsNullOrWhiteSpace))
        {
            errors["majors"] = [Say.Text("专业列表中不能有空项。", "The list of majors cannot contain empty items.")];
        }
        if (sponsors.Any(s => s is null) || sponsors.Select(s => s.CompanyId).Distinct().Count() != sponsors.Count)
        {
            errors["sponsors"] = [Say.Text("每个合作企业只列一次，名额至少为 1。", "List each sponsor once with at least one seat.")];
        }
        return errors;
    }

    /// <summary>Writes the program, its sponsors and one training position per sponsor (headcount = seats); used by the demo seeder too.</summary>
    public static async Task<OrderClass> CreateAsync(NpgsqlConnection db, NpgsqlTransaction tx, CreateProgram body, string actor)
    {
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync("""
            INSERT INTO programs (id, name, college, majors, degree_level, starts_on, duration_months, created_by)
            VALUES (@id, @Name, @College, @majors, @DegreeLevel, @StartsOn, @DurationMonths, @actor);
            """, new { id, body.Name, body.College, majors = body.Majors ?? [], body.DegreeLevel, body.StartsOn, body.DurationMonths, actor }, tx);
        await AddSponsorsAsync(db, tx, id, body, body.Sponsors ?? [], actor);
        return (await FindAsync(db, tx, id))!;
    }

    /// <summary>
    /// Adds sponsors to a program, each with its seats and the program's own training position for them (its name at its
    /// college, headcount = seats): at creation, and when an edit adds a sponsor (one that left and returns has its own
    /// position back, open).
    /// </summary>
    public static Task AddSponsorsAsync(NpgsqlConnection db, NpgsqlTransaction tx, Guid id, CreateProgram program,
        IReadOnlyList<SponsorSeats> sponsors, string actor) =>
        db.ExecuteAsync("""
            INSERT INTO program_sponsors (program_id, company_id, seats) SELECT @id, unnest(@companies), unnest(@seats);
            INSERT INTO positions (id, company_id, program_id, kind, title, headcount, majors, location, district_code, created_by)
            SELECT x.position_id, x.company_id, @id, 'training', @Name, x.seats, @majors, @College, c.district_code, @actor
            FROM unnest(@positionIds, @companies, @seats) AS x (position_id, company_id, seats) JOIN companies c ON c.id = x.company_id
            ON CONFLICT (source_id, company_id, title, location) WHERE source_id IS NOT NULL
            DO UPDATE SET headcount = excluded.headcount, status = 'open', updated_at = now();
            """, new { id, program.Name, program.College, majors = program.Majors ?? [], actor,
                       companies = sponsors.Select(s => s.CompanyId).ToArray(), seats = sponsors.Select(s => s.Seats).ToArray(),
                       positionIds = sponsors.Select(_ => Guid.CreateVersion7()).ToArray() }, tx);

    /// <summary>The answer to a change of a closed program: it is a record of what was, and takes no more.</summary>
    public static ProblemHttpResult Closed() => Problems.Conflict(
        "该订单班项目已结束，不能再修改或导入名额：如需继续招生，请新建项目。",
        "This program is closed and takes no more changes or seats: create a new program to go on enrolling.");

    // Properties, not a positional record: Dapper matches constructors by exact type, and text[] arrives as System.Array.
    sealed record ProgramRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string College { get; init; } = "";
        public string[] Majors { get; init; } = [];
        public string DegreeLevel { get; init; } = "";
        public DateOnly StartsOn { get; init; }
        public int DurationMonths { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? ClosedAt { get; init; }
    }
}
