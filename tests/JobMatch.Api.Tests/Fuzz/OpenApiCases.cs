using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobMatch.Api.Tests.Security;

namespace JobMatch.Api.Tests.Fuzz;

/// <summary>One request of the fuzz: what was varied (for the report), and the request itself, made anew for each send.</summary>
public sealed record FuzzCase(string Input, string Method, string Url, Func<HttpContent?> Content, string? Header = null, string? HeaderValue = null)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url) { Content = Content() };
        if (Header is not null)
        {
            request.Headers.TryAddWithoutValidation(Header, HeaderValue);
        }
        return request;
    }
}

/// <summary>
/// The requests the fuzz sends for one operation, generated from its OpenAPI description: each path, query and header
/// parameter in turn given hostile values (the others real), a valid body with one member replaced at a time, whole
/// bodies that are malformed or of the wrong type, broken uploads, and unusual Accept headers.
/// </summary>
public static class OpenApiCases
{
    const string Marker = "__fuzz_member__";

    /// <param name="path">The operation's path filled with real ids.</param>
    /// <param name="body">A valid JSON body, when the operation takes one.</param>
    /// <param name="upload">A valid multipart upload, when the operation takes a file.</param>
    public static IEnumerable<FuzzCase> For(OpenApiBodies openApi, DocumentedOperation operation, string path, string query, string? body,
        Func<MultipartFormDataContent>? upload, Random random)
    {
        var method = operation.Method;
        var parameters = openApi.Parameters(operation).ToList();
        Func<HttpContent?> valid = body is not null ? () => Json(body) : upload is not null ? () => upload() : () => null;
        string Url(string p, string q) => q.Length == 0 ? p : $"{p}?{q}";

        var template = operation.Template.Split('/');
        var segments = path.Split('/');
        foreach (var (name, _, schema) in parameters.Where(p => p.In == "path"))
        {
            var at = Array.IndexOf(template, "{" + name + "}");
            foreach (var value in HostileInputs.ForParameter(schema, random, 5))
            {
                var changed = segments.ToArray();
                changed[at] = value;
                yield return new($"path {name}={value}", method, Url(string.Join('/', changed), query), valid);
            }
        }

        var queryParameters = parameters.Where(p => p.In == "query").ToList();
        foreach (var (name, _, schema) in queryParameters)
        {
            foreach (var value in HostileInputs.ForParameter(schema, random, 4))
            {
                yield return new($"query {name}={value}", method, Url(path, WithParameter(query, name, value)), valid);
            }
        }
        if (queryParameters.Count > 0)
        {
            var twice = string.Join("&", queryParameters.Select(p => $"{p.Name}=1&{p.Name}=2"));
            yield return new($"query {twice}", method, Url(path, twice), valid);
        }

        foreach (var (name, _, _) in parameters.Where(p => p.In == "header"))
        {
            // HTTP cannot carry control characters or raw non-ASCII in a header: the printable ASCII ones.
            foreach (var value in random.PickSome(HostileInputs.Strings.Where(s => s.All(c => c is >= ' ' and <= '~')).ToList(), 3))
            {
                yield return new($"header {name}: {value}", method, Url(path, query), valid, name, value);
            }
        }

        if (operation.BodySchema is { } bodySchema && body is not null)
        {
            foreach (var (member, schema) in Leaves(openApi, bodySchema, []))
            {
                foreach (var value in HostileInputs.ForMember(schema, random, 3))
                {
                    var text = WithMember(body, member, value);
                    yield return new($"body {string.Join('.', member)}={value}", method, Url(path, query), () => Json(text));
                }
            }
            foreach (var malformed in HostileInputs.MalformedBodies)
            {
                yield return new($"body {malformed}", method, Url(path, query), () => Json(malformed));
            }
            yield return new("body as text/plain", method, Url(path, query), () => new StringContent(body, Encoding.UTF8, "text/plain"));
            yield return new("body as UTF-16 JSON", method, Url(path, query), () => new StringContent(body, Encoding.Unicode, "application/json"));
            yield return new("body in a form", method, Url(path, query), () => new FormUrlEncodedContent([new("name", "x")]));
        }

        if (upload is not null)
        {
            foreach (var mapping in random.PickSome(HostileInputs.MalformedBodies, 5)
                .Concat(random.PickSome(HostileInputs.Strings, 3).Select(s => $$"""{"title":{{HostileInputs.JsonString(s)}}}"""))
                .Concat(random.PickSome(HostileInputs.Strings, 3).Select(s => $$"""{{{HostileInputs.JsonString(s)}}:"岗位"}""")))
            {
                yield return new($"mapping {mapping}", method, Url(path, query), () =>
                {
                    var form = upload();
                    form.Add(new StringContent(mapping), "mapping");
                    return form;
                });
            }
            foreach (var fileName in random.PickSome(HostileInputs.Strings, 4))
            {
                yield return new($"file name {fileName}", method, Url(path, query), () => Renamed(upload(), fileName));
            }
            yield return new("an empty file", method, Url(path, query), () => OneFile([], "empty.csv"));
            yield return new("no file part", method, Url(path, query), () => new MultipartFormDataContent { { new StringContent("x"), "other" } });
            yield return new("multipart without a boundary", method, Url(path, query), () => Raw("--x\r\n\r\n", "multipart/form-data"));
            yield return new("multipart cut short", method, Url(path, query), () => Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc", "multipart/form-data; boundary=b"));
            yield return new("multipart of garbage", method, Url(path, query), () => Raw(new string('-', 3000), "multipart/form-data; boundary=" + new string('b', 71)));
            yield return new("a JSON body", method, Url(path, query), () => Json("{}"));
            yield return new("a form without a file", method, Url(path, query), () => new FormUrlEncodedContent([new("file", "x")]));
        }

        yield return new("Accept: text/csv", method, Url(path, query), valid, "Accept", "text/csv");
        yield return new("Accept-Language: hostile", method, Url(path, query), valid, "Accept-Language", "zz-ZZ;q=NaN, en;q=2, *;q=-1");
    }

    /// <summary>Every scalar member reachable from a body type, as a path of names (and "0" for the first element of an array of objects).</summary>
    static IEnumerable<(string[] Path, JsonElement Schema)> Leaves(OpenApiBodies openApi, string schema, string[] at)
    {
        foreach (var property in openApi.Properties(schema))
        {
            if (openApi.Nested(schema, property) is { } inner && at.Length < 5)
            {
                // The object or array itself (null items, a string instead), then its members.
                yield return ([.. at, property], openApi.Member(schema, property));
                var isArray = openApi.Member(schema, property).TryGetProperty("items", out _);
                foreach (var leaf in Leaves(openApi, inner, isArray ? [.. at, property, "0"] : [.. at, property]))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return ([.. at, property], openApi.Member(schema, property));
            }
        }
    }

    /// <summary>The body with one member set to raw JSON text, objects and arrays on the way created when the body lacks them.</summary>
    static string WithMember(string body, string[] path, string json)
    {
        var root = JsonNode.Parse(body)!;
        var node = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            var nextIsIndex = path[i + 1] == "0";
            if (path[i] == "0")
            {
                var array = node.AsArray();
                if (array.Count == 0)
                {
                    array.Add(new JsonObject());
                }
                node = array[0]!;
                continue;
            }
            var parent = node.AsObject();
            if (parent[path[i]] is not { } child || child.GetValueKind() is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                parent[path[i]] = child = nextIsIndex ? new JsonArray() : new JsonObject();
            }
            node = child;
        }
        node.AsObject()[path[^1]] = Marker;
        return root.ToJsonString().Replace($"\"{Marker}\"", json, StringComparison.Ordinal);
    }

    static string WithParameter(string query, string name, string value)
    {
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase));
        return string.Join("&", kept.Append($"{name}={value}"));
    }

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    static ByteArrayContent Raw(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    static MultipartFormDataContent OneFile(byte[] bytes, string fileName)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", fileName } };
    }

    /// <summary>The same upload under another file name (the name is sent as given, RFC 5987-encoded when not ASCII).</summary>
    static MultipartFormDataContent Renamed(MultipartFormDataContent form, string fileName)
    {
        foreach (var part in form)
        {
            if (part.Headers.ContentDisposition is { FileName: not null } disposition)
            {
                disposition.FileName = null;
                disposition.FileNameStar = fileName;
            }
        }
        return form;
    }
}
