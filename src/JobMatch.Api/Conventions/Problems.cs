using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Conventions;

/// <summary>Every error is RFC 9457 ProblemDetails with a trace id and a message that says what to fix.</summary>
public static class Problems
{
    public static IServiceCollection AddJobMatchProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status);
            context.ProblemDetails.Title = ProblemTitles.InRequestLanguage(context.ProblemDetails.Title, context.ProblemDetails.Status);
            if (context.ProblemDetails is HttpValidationProblemDetails { Errors: { Count: > 0 } errors })
            {
                CamelCaseKeys(errors);
            }
        });
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWhateverTheAccept>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // The limits declared on request records and parameters (FieldLimits) answer 400 with field errors before a handler runs.
        services.AddValidation();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseOutageLog>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseOutageLog>());
        // Binding failures throw, so the handler below answers them as ProblemDetails instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        return services;
    }

    /// <summary>
    /// Field errors are keyed as the JSON names them (<c>sponsors[0].seats</c>); the validation of request records keys
    /// them by C# member (<c>Sponsors[0].Seats</c>).
    /// </summary>
    internal static void CamelCaseKeys(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var camel = string.Join('.', key.Split('.').Select(part =>
                part.Length > 0 ? char.ToLowerInvariant(part[0]) + part[1..] : part));
            if (camel != key)
            {
                errors[camel] = errors.TryGetValue(camel, out var same) ? [.. same, .. errors[key]] : errors[key];
                errors.Remove(key);
            }
        }
    }

    static string? DefaultDetail(int? status) => status switch
    {
        401 => Say.Text("需要登录：请在 Authorization 头中提供有效的 Bearer 令牌。", "Sign in first: send a valid bearer token in the Authorization header."),
        403 => Say.Text("您的角色无权执行此操作。", "Your role is not allowed to do this."),
        404 => Say.Text("未找到：地址不存在，或该记录不存在或不属于您。", "Not found: there is no such address, or no such record that is yours."),
        405 => Say.Text("该地址不支持此 HTTP 方法。", "This address does not accept that HTTP method."),
        415 => Say.Text("不支持的内容类型：请发送 application/json。", "Unsupported content type: send application/json."),
        _ => null,
    };

    /// <summary>
    /// Unknown addresses answer 404 ProblemDetails, not the fallback policy's 401. A middleware rather than a catch-all
    /// route, so that routing still answers 405 and 415 for known addresses.
    /// </summary>
    public static IApplicationBuilder UseNotFoundForUnknownRoutes(this IApplicationBuilder app) => app.Use((http, next) =>
        http.GetEndpoint() is null ? TypedResults.NotFound().ExecuteAsync(http) : next(http));

    public static ProblemHttpResult Conflict(string chinese, string english) =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: Say.Text(chinese, english));

    public static ProblemHttpResult Unprocessable(string chinese, string english) =>
        TypedResults.Problem(statusCode: 422, title: "Unprocessable request", detail: Say.Text(chinese, english));

    /// <summary>A 429 for a budget that renews at <paramref name="until"/>, with Retry-After in whole seconds (at least one).</summary>
    public static ProblemHttpResult TooMany(HttpResponse response, DateTime until, DateTime now, string title, string detail,
        IDictionary<string, object?>? extensions = null)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling((until - now).TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: 429, title: title, detail: detail, extensions: extensions);
    }
}

/// <summary>Maps what escapes a handler to a status and a message; internals and stack traces never leave.</summary>
sealed class ProblemExceptionHandler(IProblemDetailsService problems, DatabaseOutageLog outages, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => (413, "Request body too large",
                Say.Text("请求体过大，请缩小后重试。", "The request body is too large; send a smaller one.")),
            BadHttpRequestException { InnerException: JsonException json } => (400, "Invalid JSON",
                Say.Text($"请求体不是有效的 JSON，或含有未知字段（位置 {json.Path ?? "$"}）。",
                         $"The request body is not valid JSON or has an unknown member (at {json.Path ?? "$"}).")),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request",
                Say.Text($"请求无效：{bad.Message}", $"Bad request: {bad.Message}")),
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => (409, "Conflict",
                Say.Text("已存在相同的记录。", "A record with the same unique value already exists.")),
            PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.CheckViolation } => (409, "Conflict",
                Say.Text("该操作与现有数据冲突。", "The change conflicts with existing data.")),
            // PostgreSQL text cannot hold U+0000, from any query, route value or body member.
            PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } => (400, "Bad request",
                Say.Text("请求中含有无法保存的字符（如 NUL，U+0000）。", "The request contains a character that cannot be stored (such as NUL, U+0000).")),
            _ when DatabaseOutage.Is(exception) => (503, "Service unavailable",
                Say.Text("数据库暂时不可用，请稍后重试。", "The database is unavailable for the moment; retry shortly.")),
            _ => (500, "Internal server error",
                Say.Text("服务器内部错误，请稍后重试；报告问题时请附上 traceId。", "Something went wrong on our side; quote the traceId when you report it.")),
        };
        if (status == 503)
        {
            outages.Refused(httpContext.Request, exception); // an outage is expected to pass: no stack trace, no line per request
            httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds;
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

/// <summary>
/// The default writer declines a request that accepts only other types (<c>Accept: text/csv</c>), which then got a
/// plain-text 404 or an empty 500. Registered after it, this one writes the same ProblemDetails for those requests.
/// </summary>
sealed class ProblemJsonWhateverTheAccept(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }
}
