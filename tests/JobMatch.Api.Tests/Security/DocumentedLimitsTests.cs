using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Security;

/// <summary>
/// Every limit the OpenAPI document states on what the service receives (maxLength, maxItems, enum, minimum, maximum on
/// body members and parameters) is one the service enforces: a value just past it answers 400 naming the field. Limits
/// the document calls clamped, and the lengths of uuid, date and date-time (their parsers'), are left out.
/// </summary>
public sealed class DocumentedLimitsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>One test, so that the world (whose callers have fixed subjects) is seeded once.</summary>
    [Fact]
    public async Task EveryDocumentedLimitOnBodiesAndParametersIsRefusedOnePastIt()
    {
        var text = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync();
        var document = JsonDocument.Parse(text).RootElement.Clone();
        var world = await SecurityWorld.SeedAsync(api, withModel: false);
        var failures = new List<string>();
        var (bodies, parameters) = (await Bodies(document, world, failures), await Parameters(document, world, failures));
        Assert.True(bodies > 100 && parameters > 20, $"only {bodies} body values and {parameters} parameters checked");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {bodies + parameters} values past a documented limit were not refused:\n" + string.Join("\n", failures));
    }

    static async Task<int> Bodies(JsonElement document, SecurityWorld world, List<string> failures)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var openApi = new OpenApiBodies(document);
        var checkedValues = 0;
        foreach (var row in AccessPolicy.Rows.Where(row => row.Body is not null))
        {
            if (openApi.Operations().Single(o => o.Name == row.Operation).BodySchema is not { } bodySchema)
            {
                continue; // an upload
            }
            var client = world.Clients[Caller(row)];
            var path = await world.Resolve(row.Path ?? row.Template);
            foreach (var (at, schema) in openApi.Objects(bodySchema))
            {
                foreach (var member in schemas.GetProperty(schema).GetProperty("properties").EnumerateObject())
                {
                    var sample = JsonNode.Parse(await row.Body!(world)!.ReadAsStringAsync())!.AsObject();
                    foreach (var (what, value) in Violations(member.Value, Object(sample, at)[member.Name]))
                    {
                        var body = sample.DeepClone().AsObject();
                        Object(body, at)[member.Name] = value;
                        using var request = new HttpRequestMessage(new HttpMethod(row.Method), path)
                        {
                            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
                        };
                        using var response = await client.SendAsync(request);
                        checkedValues++;
                        var field = $"{at[1..].Replace("[0]", "", StringComparison.Ordinal)}.{member.Name}".TrimStart('.');
                        var expected = new[] { field, member.Name, field.Split('.')[0] };
                        if (await Refusal(response, expected) is { } failure)
                        {
                            failures.Add($"{row.Operation} {field} = {what}: {failure}");
                        }
                    }
                }
            }
        }
        return checkedValues;
    }

    static async Task<int> Parameters(JsonElement document, SecurityWorld world, List<string> failures)
    {
        var checkedValues = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var row = AccessPolicy.Rows.Single(r => r.Operation == name);
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                foreach (var parameter in parameters.Where(p => p.GetProperty("in").GetString() is "query" or "path"))
                {
                    var schema = parameter.GetProperty("schema");
                    if (schema.TryGetProperty("default", out _))
                    {
                        continue; // clamped, not refused
                    }
                    var parameterName = parameter.GetProperty("name").GetString()!;
                    foreach (var (what, value) in Violations(schema, null))
                    {
                        var text = Uri.EscapeDataString(value!.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
                        var target = await world.Resolve(row.Path ?? row.Template);
                        // A path value goes in its own segment of the resolved path, so that the other route values stay real.
                        var templateSegments = path.Name.Split('/');
                        target = parameter.GetProperty("in").GetString() == "path"
                            ? string.Join('/', target.Split('/').Select((segment, i) => templateSegments[i] == "{" + parameterName + "}" ? text : segment))
                            : target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"{parameterName}={text}";
                        using var request = new HttpRequestMessage(new HttpMethod(row.Method), target) { Content = row.Body?.Invoke(world) };
                        using var response = await world.Clients[Caller(row)].SendAsync(request);
                        checkedValues++;
                        if (await Refusal(response, [parameterName]) is { } failure)
                        {
                            failures.Add($"{name} {parameterName} = {what}: {failure}");
                        }
                    }
                }
            }
        }
        return checkedValues;
    }

    /// <summary>The first caller the policy lets past the role and object checks; else the first the route admits at all (a 404
    /// for everyone: one's own account, which the matrix's minted tokens are not); no token on an anonymous route that answers
    /// 401 to everyone (a sign-in of no account). The body is checked before the handler looks for the object.</summary>
    static string Caller(Access row) =>
        SecurityWorld.Callers[Array.FindIndex(row.Answers, answer => answer is not ("401" or "403" or "404")) is >= 0 and var allowed
            ? allowed : Math.Max(0, Array.IndexOf(row.Answers, "404"))];

    /// <summary>
    /// Values just past what a schema allows: one item too many (distinct texts, or copies of the sample's first object),
    /// one character too long, unlisted, out of range.
    /// </summary>
    static IEnumerable<(string What, JsonNode? Value)> Violations(JsonElement schema, JsonNode? sample)
    {
        var isArray = schema.TryGetProperty("items", out var items);
        if (isArray && schema.TryGetProperty("maxItems", out var maxItems))
        {
            var first = sample is JsonArray { Count: > 0 } array ? array[0] : new JsonObject();
            yield return ($"{maxItems.GetInt32() + 1} items", new JsonArray([.. Enumerable.Range(0, maxItems.GetInt32() + 1)
                .Select(n => items.TryGetProperty("$ref", out _) ? first!.DeepClone()
                    : items.TryGetProperty("format", out var itemFormat) && itemFormat.GetString() == "uuid" ? Guid.NewGuid().ToString()
                    : (JsonNode)$"项{n}")]));
        }
        var value = isArray ? items : schema;
        JsonNode? Wrap(JsonNode node) => isArray ? new JsonArray(node) : node;
        if (value.TryGetProperty("format", out var format) && format.GetString() is "uuid" or "date" or "date-time")
        {
            yield break;
        }
        if (value.TryGetProperty("maxLength", out var maxLength))
        {
            yield return ($"{maxLength.GetInt32() + 1} characters", Wrap(new string('字', maxLength.GetInt32() + 1)));
        }
        if (value.TryGetProperty("enum", out _))
        {
            yield return ("an unlisted value", Wrap("不在列表中"));
        }
        if (value.TryGetProperty("minimum", out var minimum))
        {
            yield return ($"{minimum.GetInt64() - 1}", Wrap(minimum.GetInt64() - 1));
        }
        if (value.TryGetProperty("maximum", out var maximum))
        {
            yield return ($"{maximum.GetInt64() + 1}", Wrap(maximum.GetInt64() + 1));
        }
    }

    /// <summary>The object at a path such as <c>$.service</c> or <c>$.consents[0]</c>, made when the body lacks it.</summary>
    static JsonObject Object(JsonObject body, string path)
    {
        var node = body;
        foreach (var part in path.Split('.').Skip(1))
        {
            var name = part.Replace("[0]", "", StringComparison.Ordinal);
            if (part.EndsWith("[0]", StringComparison.Ordinal))
            {
                if (node[name] is not JsonArray { Count: > 0 } array || array[0] is not JsonObject)
                {
                    node[name] = array = [new JsonObject()];
                }
                node = array[0]!.AsObject();
            }
            else
            {
                if (node[name] is not JsonObject inner)
                {
                    node[name] = inner = [];
                }
                node = inner;
            }
        }
        return node;
    }

    /// <summary>A field error's key without item positions: <c>consents[0].kind</c> names <c>consents.kind</c>.</summary>
    static string WithoutIndexes(string key) => System.Text.RegularExpressions.Regex.Replace(key, @"\[[0-9]+\]", "");

    /// <summary>Null when the answer is a 400 whose field errors name one of the expected fields; otherwise what it was.</summary>
    static async Task<string?> Refusal(HttpResponseMessage response, IEnumerable<string?> fields)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.BadRequest && JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors)
            && errors.EnumerateObject().Any(error =>
                fields.Any(field => string.Equals(WithoutIndexes(error.Name), field, StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }
        return $"{(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}";
    }
}
