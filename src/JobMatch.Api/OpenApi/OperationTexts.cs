using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JobMatch.Api.OpenApi;

/// <summary>
/// The summary and description of every operation in the request's language (the document is generated per request,
/// after UseChineseOrEnglish): Chinese by default from <see cref="ChineseSummaries"/>, English with Accept-Language: en
/// from the route's WithSummary. The description is generated from what the route declares (who may call it, what it
/// answers, the Idempotency-Key, the body limit), after the route's own WithDescription where it has one. Runs last,
/// when the other filters have added their responses.
/// </summary>
sealed class OperationTexts(IOptions<LimitOptions> limits) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var english = operation.Summary ?? "";
        operation.Summary = Say.Text(ChineseSummaries.ById.GetValueOrDefault(operation.OperationId ?? "", english), english);
        List<string> lines = [operation.Description ?? "", Who(metadata), Answers(operation)];
        if (metadata.OfType<IdempotentAttribute>().Any())
        {
            lines.Add(Say.Text($"可带 {Idempotency.Header}：同一键、同一请求在 24 小时内再次得到首次的回答（Idempotent-Replayed: true），同一键用于另一请求答 422。",
                $"Takes {Idempotency.Header}: the same key and request get the first answer again for 24 hours (Idempotent-Replayed: true); "
                + "the same key with another request answers 422."));
        }
        if (operation.RequestBody is not null)
        {
            var bytes = metadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize ?? limits.Value.MaxBodyBytes;
            lines.Add(metadata.OfType<UploadForm>().Any()
                ? Say.Text($"以 multipart/form-data 上传，文件在字段 {Uploads.FileField}；请求体至多 {bytes} 字节（超出：413）。",
                    $"Upload as multipart/form-data, the file in field {Uploads.FileField}; the body at most {bytes} bytes (over it: 413).")
                : Say.Text($"请求体至多 {bytes} 字节（超出：413）。", $"The body at most {bytes} bytes (over it: 413)."));
        }
        operation.Description = string.Join("\n\n", lines.Where(line => line.Length > 0));
    }

    static string Who(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Say.Text("调用者：任何人，无需令牌。", "Who may call it: anyone, without a token.");
        }
        var policy = metadata.OfType<IAuthorizeData>().LastOrDefault(data => data.Policy is not null)?.Policy;
        return policy switch
        {
            Policies.Admin => Say.Text("调用者：管理员（工作人员）。", "Who may call it: admin (bureau staff)."),
            Policies.Recruiter => Say.Text("调用者：招聘方。", "Who may call it: a recruiter."),
            Policies.Veteran => Say.Text("调用者：老兵本人。", "Who may call it: the veteran, for themselves."),
            Policies.Mentor => Say.Text("调用者：导师。", "Who may call it: a mentor."),
            Policies.AdminOrRecruiter => Say.Text("调用者：管理员或招聘方（招聘方仅限其代表的单位）。",
                "Who may call it: admin, or a recruiter for the companies they act for."),
            _ => Say.Text("调用者：任何角色（持有效 Bearer 令牌）。", "Who may call it: any role, with a valid bearer token."),
        };
    }

    /// <summary>The success answers with their media types, then the error statuses (each ProblemDetails).</summary>
    static string Answers(OpenApiOperation operation)
    {
        var responses = operation.Responses ?? [];
        var successes = responses.Where(r => r.Key[0] == '2').Select(r => r.Value.Content is { Count: > 0 } content
            ? $"{r.Key} ({string.Join(Say.Text(" 或 ", " or "), content.Keys.Select(Media))})" : $"{r.Key} ({Say.Text("无正文", "no body")})");
        var errors = string.Join(", ", responses.Keys.Where(status => status[0] is '4' or '5').Order(StringComparer.Ordinal));
        return Say.Text($"成功：{string.Join("，", successes)}。错误（ProblemDetails）：{errors}。",
            $"Answers {string.Join(", ", successes)}. Errors (ProblemDetails): {errors}.");
    }

    static string Media(string type) => type switch
    {
        "application/json" => "JSON",
        "text/csv" => "CSV",
        _ => type,
    };
}
