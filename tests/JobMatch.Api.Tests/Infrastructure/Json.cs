using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JobMatch.Api.Tests.Infrastructure;

public static class Json
{
    /// <summary>
    /// The contract as a client reads it: web names, and a field the record names that is missing, null where the record
    /// says it may not be, or spelt or typed differently fails the read (fields the record does not name are ignored).
    /// </summary>
    public static readonly JsonSerializerOptions Answers = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        // As strict as GetProperty was: exact names, numbers as numbers.
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The answer as the test's own record of it (see <see cref="Answers"/>).</summary>
    public static async Task<T> Read<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(Answers) ?? throw new JsonException($"The answer is null, not a {typeof(T).Name}.");

    /// <summary>An answer read as JSON (by a shared helper, or kept for a check of what it must not hold) as the test's record.</summary>
    public static T As<T>(this JsonElement element) =>
        element.Deserialize<T>(Answers) ?? throw new JsonException($"The answer is null, not a {typeof(T).Name}.");

    /// <summary>Asserts an RFC 9457 answer with the given status, and returns it.</summary>
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJson();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _), "a problem carries a trace id");
        return problem;
    }
}
