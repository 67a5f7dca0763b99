using System.Text.Json;
using System.Text.Json.Nodes;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Security;

/// <summary>An operation of the OpenAPI document, with the schema of its JSON body when it takes one.</summary>
public sealed record DocumentedOperation(string Method, string Template, string? BodySchema, IReadOnlyList<string> QueryParameters)
{
    public string Name => $"{Method} {Template}";
}

/// <summary>Reads operations from the service's own OpenAPI document and makes bodies and paths from it.</summary>
public sealed class OpenApiBodies(JsonElement document)
{
    public static async Task<OpenApiBodies> LoadAsync(ApiFactory api)
    {
        var text = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync();
        return new OpenApiBodies(JsonDocument.Parse(text).RootElement.Clone());
    }

    JsonElement Schemas => document.GetProperty("components").GetProperty("schemas");

    public IEnumerable<DocumentedOperation> Operations() =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(op =>
        {
            string? schema = null;
            if (op.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json))
            {
                schema = RefName(json.GetProperty("schema"));
            }
            var query = op.Value.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                : [];
            return new DocumentedOperation(op.Name.ToUpperInvariant(), path.Name, schema, query);
        }));

    public IReadOnlyCollection<string> Properties(string schema) =>
        Schemas.GetProperty(schema).TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];

    /// <summary>The schema of one member of a body type.</summary>
    public JsonElement Member(string schema, string property) => Schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);

    /// <summary>The parameters of an operation (path, query, header), each with its schema.</summary>
    public IEnumerable<(string Name, string In, JsonElement Schema)> Parameters(DocumentedOperation operation) =>
        document.GetProperty("paths").GetProperty(operation.Template).GetProperty(operation.Method.ToLowerInvariant()).TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.GetProperty("schema")))
            : [];

    /// <summary>The schema a property or array item points at, if it is an object of its own.</summary>
    public string? Nested(string schema, string property)
    {
        var member = Schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);
        return RefName(member.TryGetProperty("items", out var items) ? items : member);
    }

    /// <summary>Every schema reachable from a body, with the JSON path where it sits (<c>$.service</c>, <c>$.items[0]</c>).</summary>
    public IEnumerable<(string Path, string Schema)> Objects(string schema, string path = "$")
    {
        yield return (path, schema);
        foreach (var property in Properties(schema))
        {
            if (Nested(schema, property) is { } inner)
            {
                var isArray = Schemas.GetProperty(schema).GetProperty("properties").GetProperty(property).TryGetProperty("items", out _);
                foreach (var found in Objects(inner, $"{path}.{property}{(isArray ? "[0]" : "")}"))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>A body with every member filled by its type, and an extra member placed first in the object at <paramref name="at"/>.</summary>
    public JsonObject Sample(string schema, string path = "$", string? at = null, string? extra = null)
    {
        var body = new JsonObject();
        if (path == at && extra is not null)
        {
            body[extra] = "admin";
        }
        foreach (var property in Properties(schema))
        {
            var member = Schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);
            if (Nested(schema, property) is { } inner)
            {
                var isArray = member.TryGetProperty("items", out _);
                var value = Sample(inner, $"{path}.{property}{(isArray ? "[0]" : "")}", at, extra);
                body[property] = isArray ? new JsonArray(value) : value;
            }
            else
            {
                body[property] = Scalar(member.TryGetProperty("items", out var items) ? items : member, member.TryGetProperty("items", out _));
            }
        }
        return body;
    }

    static JsonNode? Scalar(JsonElement schema, bool array)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        JsonNode? value = (schema.TryGetProperty("type", out var t) ? t.GetString() : null, format) switch
        {
            ("string", "uuid") => Guid.CreateVersion7().ToString(),
            ("string", "date") => "2024-03-01",
            ("string", "date-time") => "2024-03-01T08:00:00Z",
            ("integer", _) => 1,
            ("number", _) => 1.5,
            ("boolean", _) => true,
            _ => "x",
        };
        return array ? new JsonArray(value) : value;
    }

    static string? RefName(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? reference.GetString()![(reference.GetString()!.LastIndexOf('/') + 1)..]
        : schema.TryGetProperty("allOf", out var all) ? RefName(all[0])
        : null;

    /// <summary>A concrete path for a template: fresh ids, and plain words for the other route values.</summary>
    public static string Concrete(string template) => System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)\}",
        match => match.Groups[1].Value switch
        {
            "kind" => "automated_matching",
            var name when name == "id" || name.EndsWith("Id", StringComparison.Ordinal) => Guid.CreateVersion7().ToString(),
            _ => "x",
        });

    /// <summary>A caller the policy lets past the role check (so that the request reaches body binding), as a client.</summary>
    public static HttpClient AllowedCaller(ApiFactory api, string operation, string? subject = null) =>
        api.ClientFor(AllowedRole(operation), subject ?? "body-" + AllowedRole(operation));

    /// <summary>
    /// The role of the first caller in the policy row that gets past the role check; admin on an anonymous route that answers
    /// 401 to everyone (a sign-in of no account: the token plays no part).
    /// </summary>
    public static string AllowedRole(string operation)
    {
        var row = AccessPolicy.Rows.Single(r => r.Operation == operation);
        var caller = SecurityWorld.Callers[Math.Max(0, Array.FindIndex(row.Answers, answer => answer is not ("401" or "403")))];
        return caller[..3] switch { "vet" => Roles.Veteran, "rec" => Roles.Recruiter, "men" => Roles.Mentor, _ => Roles.Admin };
    }
}
