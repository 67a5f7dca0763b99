namespace JobMatch.Api.Companies;

/// <summary>How people are shown to those who may not read them: phones as 138****5678, names as 张** (the surname stays).</summary>
public static class Masking
{
    public static string? Phone(string? phone) => phone switch
    {
        null => null,
        { Length: >= 7 } => phone[..3] + "****" + phone[^4..],
        _ => new string('*', phone.Length),
    };

    public static string Name(string name) => name.Length <= 1 ? "*" : name[..1] + new string('*', name.Length - 1);
}
