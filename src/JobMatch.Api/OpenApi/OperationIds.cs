using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace JobMatch.Api.OpenApi;

/// <summary>
/// The operationId of every operation, from its method and route alone, so a new route has one without anyone typing
/// it and it changes only when the contract does: the method in lower case, then each segment after /api in
/// PascalCase, a parameter as By and its name. GET /api/job-fairs/{id}/imports is getJobFairsByIdImports. Method and
/// path are unique in the document, so the ids are too. ChineseSummaries is keyed by these ids.
/// </summary>
static class OperationIds
{
    public static string Of(ApiDescription description)
    {
        var id = new StringBuilder((description.HttpMethod ?? "any").ToLowerInvariant());
        var segments = (description.RelativePath ?? "").Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments.SkipWhile((segment, at) => at == 0 && segment == "api"))
        {
            id.Append(segment.StartsWith('{') ? "By" + Pascal(segment.Trim('{', '}').Split(':', '=', '?')[0]) : Pascal(segment));
        }
        return id.ToString();
    }

    /// <summary>Words split at anything but a letter or digit, each with a capital: job-fairs → JobFairs.</summary>
    static string Pascal(string text) => string.Concat(Regex.Split(text, "[^A-Za-z0-9]+")
        .Where(word => word.Length > 0).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
