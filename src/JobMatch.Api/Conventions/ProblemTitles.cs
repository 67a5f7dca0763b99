using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace JobMatch.Api.Conventions;

/// <summary>
/// A ProblemDetails title speaks the request's language like its detail. Handlers and the framework name titles in English;
/// the ProblemDetails customization (<see cref="Problems"/>) turns each into Chinese here, or into the status's own title
/// when it is not listed, so that no English title reaches a Chinese answer.
/// </summary>
static partial class ProblemTitles
{
    static readonly Dictionary<string, string> Chinese = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Bad request"] = "请求无效",
        ["Invalid JSON"] = "请求体格式无效",
        ["Invalid Idempotency-Key"] = "幂等键无效",
        ["One or more validation errors occurred."] = "请求中有字段无效",
        ["Unauthorized"] = "需要登录",
        ["Sign in again"] = "请重新登录",
        ["Sign-in failed"] = "登录失败",
        ["Forbidden"] = "无权执行此操作",
        ["Not found"] = "未找到",
        ["Not a built-in account"] = "不是本系统的账号",
        ["The link does not work"] = "链接无效",
        ["Method not allowed"] = "不支持的请求方法",
        ["Conflict"] = "与现有数据冲突",
        ["Second factor already on"] = "两步验证已开启",
        ["No authenticator key yet"] = "尚未生成验证器密钥",
        ["Second factor required"] = "需要两步验证",
        ["Request body too large"] = "请求体过大",
        ["File too large"] = "文件过大",
        ["Unsupported media type"] = "不支持的内容类型",
        ["Unprocessable request"] = "无法处理的请求",
        ["Too many requests"] = "请求过于频繁",
        ["Too many attempts"] = "尝试次数过多",
        ["Daily import quota used up"] = "今日导入额度已用完",
        ["Internal server error"] = "服务器内部错误",
        ["Service unavailable"] = "服务暂不可用",
        ["Mail not sent"] = "邮件未发出",
    };

    /// <summary>The Chinese title of a status whose English title is not listed above.</summary>
    static string ChineseOf(int? status) => status switch
    {
        400 => "请求无效", 401 => "需要登录", 403 => "无权执行此操作", 404 => "未找到", 405 => "不支持的请求方法",
        406 => "无法提供所要求的格式", 409 => "与现有数据冲突", 413 => "请求体过大", 415 => "不支持的内容类型",
        422 => "无法处理的请求", 429 => "请求过于频繁", 503 => "服务暂不可用", >= 500 => "服务器内部错误", _ => "请求未能完成",
    };

    public static string InRequestLanguage(string? title, int? status)
    {
        var reason = ReasonPhrases.GetReasonPhrase(status ?? 500);
        if (title is not null && IsChinese().IsMatch(title))
        {
            return Say.Text(title, Chinese.FirstOrDefault(pair => pair.Value == title).Key ?? reason);
        }
        var english = title ?? reason;
        return Say.Text(Chinese.TryGetValue(english, out var chinese) ? chinese : ChineseOf(status), english);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex IsChinese();
}
