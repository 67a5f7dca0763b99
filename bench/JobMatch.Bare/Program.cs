using Npgsql;

// GET /positions/{id}: the same primary-key read as GET /api/openings/{id}, without authentication, conventions or
// the company join, so the load test can state every figure as a share of what this framework and database do here.
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
await app.RunAsync();

sealed record BarePosition(Guid Id, string Title, string Status);

[System.Text.Json.Serialization.JsonSerializable(typeof(BarePosition))]
sealed partial class BareJson : System.Text.Json.Serialization.JsonSerializerContext;
