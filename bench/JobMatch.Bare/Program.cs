using System.Text.Json;
using Npgsql;

// GET /positions/{id}: the same primary-key read as GET /api/openings/{id}, without authentication, conventions or
// the company join, so the load test can state every figure as a share of what this framework and database do here.
// GET /positions/{id}/full: the API's own query (the join and every column) written as JSON, still without the
// API's middleware, so the gap between the three splits into query + JSON and the rest of the pipeline.
var builder = WebApplication.CreateSlimBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Bare")
    ?? throw new InvalidOperationException("Set ConnectionStrings:Bare (ConnectionStrings__Bare) to the JobMatch database.");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJson.Default));
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();
app.MapGet("/positions/{id:guid}", async Task<IResult> (Guid id, NpgsqlDataSource dataSource) =>
{
    await using var command = dataSource.CreateCommand("SELECT id, title, status FROM positions WHERE id = $1");
    command.Parameters.AddWithValue(id);
    await using var reader = await command.ExecuteReaderAsync();
    return await reader.ReadAsync()
        ? TypedResults.Ok(new BarePosition(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)))
        : TypedResults.NotFound();
});
app.MapGet("/positions/{id:guid}/full", async (Guid id, NpgsqlDataSource dataSource, HttpResponse response) =>
{
    // The SELECT of src/JobMatch.Api/Openings/OpeningSql.cs, with today's date for the closing check.
    await using var command = dataSource.CreateCommand("""
        SELECT p.id, p.company_id, c.name AS company_name, c.industry, p.fair_id, p.program_id, p.kind, p.title, p.headcount, p.filled,
               p.remaining, p.duties, p.requirements, p.skills, p.education, p.majors, p.age_min, p.age_max, p.district_code, p.location,
               p.salary_min, p.salary_max, p.salary_text, p.certificates, p.veteran_preference, p.gender_note, p.notes, p.closes_on,
               CASE WHEN p.status = 'open' AND p.closes_on < current_date THEN 'closed' ELSE p.status END AS status,
               p.import_batch_id, p.source_row, p.created_at, p.updated_at
        FROM positions p JOIN companies c ON c.id = p.company_id WHERE p.id = $1
        """);
    command.Parameters.AddWithValue(id);
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }
    response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(response.BodyWriter);
    json.WriteStartObject();
    for (var i = 0; i < reader.FieldCount; i++)
    {
        json.WritePropertyName(reader.GetName(i));
        JsonSerializer.Serialize(json, reader.IsDBNull(i) ? null : reader.GetValue(i), BareJson.Default.Object);
    }
    json.WriteEndObject();
});
await app.RunAsync();

sealed record BarePosition(Guid Id, string Title, string Status);

[System.Text.Json.Serialization.JsonSerializable(typeof(BarePosition))]
[System.Text.Json.Serialization.JsonSerializable(typeof(object))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Guid))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(DateTime))]
[System.Text.Json.Serialization.JsonSerializable(typeof(DateOnly))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
[System.Text.Json.Serialization.JsonSerializable(typeof(short))]
[System.Text.Json.Serialization.JsonSerializable(typeof(bool))]
sealed partial class BareJson : System.Text.Json.Serialization.JsonSerializerContext;
