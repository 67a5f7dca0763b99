namespace JobMatch.Api.Companies;

/// <summary>Phones are stored whole and shown masked: 138****5678.</summary>
public static class Masking
{
    public static string? Phone(string? phone) => phone switch
    {
        null => null,
        { Length: >= 7 } => phone[..3] + "****" + phone[^4..],
        _ => new string('*', phone.Length),
    };
}
