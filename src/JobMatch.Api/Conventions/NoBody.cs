namespace JobMatch.Api.Conventions;

/// <summary>An operation that takes no body refuses one (400): a body it would ignore is a caller's mistake, never a setting.</summary>
public static class NoBody
{
    /// <summary>A length above zero, or a chunked body whose length nobody announced.</summary>
    public static bool Sent(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

    public static ValidationProblem Refused(string chinese, string english) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [Say.Text(chinese, english)] });
}
