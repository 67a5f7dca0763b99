using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JobMatch.Api.Tests.Fuzz;

/// <summary>
/// Values that have broken services before, by the type a schema declares, and the check every answer must pass.
/// The seed is fixed so that a failure can be replayed; set FUZZ_SEED to try another.
/// </summary>
public static class HostileInputs
{
    public static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261204;

    public static readonly string[] Strings =
    [
        "' OR 1=1 --", "'; DROP TABLE companies; --", "\u0000", "a\u0000b", new string('x', 10_001), new string('长', 10_000),
        "👩‍👩‍👧‍👦🇨🇳", "e\u0301\u0301\u0301\u0301", "\u202Eabc\u202C", "\uD800", "=cmd|' /C calc'!A0", "+SUM(1)", "@x", "-1+1",
        "", " ", "\t\r\n", "null", "NaN", "<script>alert(1)</script>", "../../etc/passwd", "%s%n%x", "${jndi:ldap://x/a}", "\uFEFF", "１２３",
        "\\", "\"", "%", "_", "*", "\u0085\u2028", "\uFFFF", string.Concat(Enumerable.Repeat("🙂", 300)),
    ];

    /// <summary>Numbers at the edges of int, long and double, and text that only looks like a number.</summary>
    public static readonly string[] Numbers =
    [
        "-2147483648", "2147483647", "2147483648", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "-1", "0",
        "NaN", "Infinity", "-Infinity", "1e309", "1.5", "0x10", "1,000", "", "１２", "-0",
    ];

    public static readonly string[] Dates =
    [
        "0001-01-01", "9999-12-31", "2023-02-29", "10000-01-01", "2024-13-01", "0000-00-00", "-1", "infinity",
        "9999-12-31T23:59:59.9999999-14:00", "0001-01-01T00:00:00+14:00", "2024-03-01T25:00:00Z", "now",
    ];

    public static readonly string[] Guids = ["00000000-0000-0000-0000-000000000000", "not-a-guid", "{}", "1", "ffffffff-ffff-ffff-ffff-ffffffffffff"];

    /// <summary>Already escaped for a URL: a NUL, bytes that are not UTF-8 (a lone 0xFF, an overlong slash, an encoded surrogate, a cut sequence), dot segments.</summary>
    public static readonly string[] UrlEscapes = ["%00", "%FF", "%C0%AF", "%ED%A0%80", "%E4%B8", "..%2F..%2F", "%2e%2e", "%25", "%"];

    /// <summary>A JSON value of the wrong kind, or none, as JSON text.</summary>
    static readonly string[] WrongTypes = ["null", "123", "true", "{}", "[]", """["x",null]""", "\"x\"", "79228162514264337593543950336", "-1.5"];

    static readonly string[] JsonNumbers =
    [
        "-2147483648", "2147483647", "-9223372036854775808", "9223372036854775807", "2147483648", "-1", "0", "1e308", "-1e308",
        "5e-324", "0.1", "1e400", "-0", "1.0", "\"NaN\"", "\"1\"",
    ];

    /// <summary>Whole bodies that are not what any endpoint expects.</summary>
    public static readonly string[] MalformedBodies =
    [
        "", "{}", "{", "}", "[]", "null", "\"x\"", "1e999", "{'name':1}", "{\"a\":}", "\uFEFF{}", new string('[', 5000), "{\"x\":" + new string('[', 2000),
        "{\"name\":\"\\ud800\"}", "{\"name\":\"\\u0000\"}", "{\"name\":\"a\",\"name\":\"b\"}", "\u0000", "<xml/>", "{\"name\":\"\u0001\"}", "{} {}",
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    public static IEnumerable<T> PickSome<T>(this Random random, IReadOnlyList<T> values, int count) =>
        values.OrderBy(_ => random.Next()).Take(count).ToList();

    public static Guid NextGuid(this Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Hostile values for a parameter of the given schema type, already escaped for a URL.</summary>
    public static IEnumerable<string> ForParameter(JsonElement schema, Random random, int count)
    {
        var (type, format) = TypeOf(schema);
        var pool = (type, format) switch
        {
            ("integer" or "number", _) => Numbers,
            ("string", "uuid") => [random.NextGuid().ToString(), .. Guids],
            ("string", "date" or "date-time") => Dates,
            ("boolean", _) => ["yes", "1", "TRUE", "", "null"],
            _ => Strings,
        };
        return random.PickSome(pool, count).Select(Url).Append(Url(random.Pick(Strings))).Append(random.Pick(UrlEscapes));
    }

    /// <summary>Hostile values for a body member of the given schema, as JSON text (a lone surrogate or a NUL cannot go through a serialiser).</summary>
    public static IEnumerable<string> ForMember(JsonElement schema, Random random, int count)
    {
        var array = schema.TryGetProperty("type", out var t) && t.GetString() == "array";
        var (type, format) = TypeOf(array && schema.TryGetProperty("items", out var items) ? items : schema);
        IReadOnlyList<string> pool = (type, format) switch
        {
            ("integer" or "number", _) => JsonNumbers,
            ("string", "uuid") => [.. Guids.Append(random.NextGuid().ToString()).Select(JsonString)],
            ("string", "date" or "date-time") => [.. Dates.Select(JsonString)],
            ("boolean", _) => ["\"true\"", "0", "1"],
            _ => [.. Strings.Select(JsonString)],
        };
        var values = random.PickSome(pool, count).Append(random.Pick(WrongTypes)).ToList();
        if (!array)
        {
            return values;
        }
        // Arrays: the hostile values as elements, none, one null, and far too many.
        var tooMany = "[" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => "\"x" + i.ToString(CultureInfo.InvariantCulture) + "\"")) + "]";
        return values.Select(v => $"[{v}]").Concat(["[]", "[null]", random.Pick(WrongTypes), tooMany]);
    }

    /// <summary>The schema's type, looking through oneOf/anyOf/allOf and nullable type lists.</summary>
    public static (string? Type, string? Format) TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }
        if (schema.TryGetProperty("oneOf", out var one) || schema.TryGetProperty("anyOf", out one) || schema.TryGetProperty("allOf", out one))
        {
            return TypeOf(one.EnumerateArray().FirstOrDefault(s => !(s.TryGetProperty("type", out var n) && n.GetString() == "null")));
        }
        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : t.GetString()
            : null;
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (type, format);
    }

    /// <summary>A JSON string literal escaping every control character and surrogate, so that even a lone surrogate is sent as written.</summary>
    public static string JsonString(string text)
    {
        var json = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            json.Append(c is '"' or '\\' || c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c);
        }
        return json.Append('"').ToString();
    }

    /// <summary>Percent-encodes UTF-8 (a lone surrogate becomes U+FFFD, as any client would send it).</summary>
    public static string Url(string text) => Uri.EscapeDataString(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));

    /// <summary>Null when the answer keeps the house rules: never a 5xx, every 4xx a ProblemDetails with a title, its status and a trace id.</summary>
    public static async Task<string?> Violation(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"answered {status}";
        }
        if (status < 400)
        {
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}";
        }
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = problem.RootElement;
            if (!root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(title.GetString()))
            {
                return $"{status} without a title";
            }
            if (!root.TryGetProperty("traceId", out _))
            {
                return $"{status} without a traceId";
            }
            return root.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) && n == status ? null : $"{status} with another status field";
        }
        catch (JsonException)
        {
            return $"{status} whose body is not JSON";
        }
    }

    /// <summary>Text short enough for a report line, control characters made visible.</summary>
    public static string Clip(string? text, int length = 200)
    {
        if (text is null)
        {
            return "";
        }
        var shown = text.Length > length ? text[..length] + $"…({text.Length} chars)" : text;
        return string.Concat(shown.Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
