using System.Diagnostics.CodeAnalysis;

namespace JobMatch.Api.Privacy;

/// <summary>
/// How people are shown to those who may not read them: phones as 138****5678, ID numbers as 3404**********123X, names as
/// 张** (the surname stays). SQL masks phones with <c>mask_phone(text)</c> (V15), which follows <see cref="Phone"/>.
/// </summary>
public static class Masking
{
    /// <summary>The first three and the last four characters; a phone shorter than seven shows as **** whatever its length.</summary>
    [return: NotNullIfNotNull(nameof(phone))]
    public static string? Phone(string? phone) => phone switch
    {
        null => null,
        { Length: >= 7 } => phone[..3] + "****" + phone[^4..],
        _ => "****",
    };

    /// <summary>The prefecture (first four) and the last four only; a number shorter than twelve shows as stars alone.</summary>
    [return: NotNullIfNotNull(nameof(number))]
    public static string? IdNumber(string? number) => number switch
    {
        null => null,
        { Length: >= 12 } => number[..4] + new string('*', number.Length - 8) + number[^4..],
        _ => new string('*', number.Length),
    };

    /// <summary>The first character of the mailbox and the whole domain: w***@example.com (a text without @ shows as ***).</summary>
    [return: NotNullIfNotNull(nameof(email))]
    public static string? Email(string? email) => email switch
    {
        null => null,
        _ when email.LastIndexOf('@') is > 0 and var at => email[..1] + "***" + email[at..],
        _ => "***",
    };

    public static string Name(string name) => name.Length <= 1 ? "*" : name[..1] + new string('*', name.Length - 1);
}
