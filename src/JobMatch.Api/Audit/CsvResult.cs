using System.Globalization;
using System.Reflection;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using JobMatch.Api.Conventions;
using Microsoft.AspNetCore.Http.Metadata;
using Npgsql;

namespace JobMatch.Api.Audit;

/// <summary>
/// A list answered as CSV (when the request says <c>Accept: text/csv</c>): UTF-8 with a BOM so Excel reads Chinese,
/// and cells that start with = + - @ prefixed with ' so a spreadsheet never runs them as formulas.
/// </summary>
public sealed class CsvResult<T>(IEnumerable<T> rows, string fileName, long total, string? nextCursor) : IResult, IEndpointMetadataProvider
{
    static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionEscapeCharacter = '\'',
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var list = rows as IReadOnlyCollection<T> ?? [.. rows];
        await RecordDownloadAsync(httpContext, list.Count);
        httpContext.Response.ContentType = "text/csv; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        httpContext.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        if (nextCursor is not null)
        {
            httpContext.Response.Headers["X-Next-Cursor"] = nextCursor;
        }
        await using var writer = new StreamWriter(httpContext.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, Configuration);
        await csv.WriteRecordsAsync(list, httpContext.RequestAborted);
    }

    /// <summary>
    /// A download leaves the service as a file: who took which list and how many rows is written to the audit log
    /// before a byte goes out. The route template, never the query (a search may name a person), and the route's id.
    /// </summary>
    async Task RecordDownloadAsync(HttpContext httpContext, int count)
    {
        var route = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        Guid? objectId = httpContext.GetRouteValue("id") is string id && Guid.TryParse(id, out var parsed) ? parsed : null;
        await using var db = await httpContext.RequestServices.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(httpContext.RequestAborted);
        await AuditLog.WriteAsync(db, null, httpContext.User, "export.csv", "list", objectId, new { route, file = fileName, rows = count, total });
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv"]));
}

public static class Listing
{
    public static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>The page's items as CSV; the total and next cursor travel in X-Total-Count and X-Next-Cursor.</summary>
    public static CsvResult<T> Csv<T>(Page<T> page, string fileName) => new(page.Items, fileName, page.Total, page.NextCursor);
}
