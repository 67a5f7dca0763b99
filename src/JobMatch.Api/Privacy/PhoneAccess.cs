namespace JobMatch.Api.Privacy;

/// <summary>Who reads a phone, as far as showing it goes.</summary>
public enum PhoneReader
{
    /// <summary>In clear as its owner reads it: the veteran's export, an admin's audited unmasking.</summary>
    Owner,

    /// <summary>
    /// Everyone else, masked: staff (an admin unmasks through the audited unmasking route), and the veteran in everyday
    /// views (their profile, their applications), as their ID number is: in clear only in their export.
    /// </summary>
    Other,

    /// <summary>A company's recruiter reaching the person through an application or a candidate list.</summary>
    Company,
}

/// <summary>
/// The one home for "may this reader see this phone": the owner's copy in clear; a company in clear only on an application that
/// shares it (the veteran gave <see cref="Consents.PhoneForApplication"/> on applying and the application is live; the
/// caller audits each such reveal); everyone else masked (<see cref="Masking.Phone"/>). Whether a company may see the
/// person at all (the masked phone among the rest) is the caller's question, asked before.
/// </summary>
public static class PhoneAccess
{
    public static string? Shown(string? phone, PhoneReader reader, bool sharedWithCompany = false) => reader switch
    {
        PhoneReader.Owner => phone,
        PhoneReader.Company when sharedWithCompany => phone,
        _ => Masking.Phone(phone),
    };

    /// <summary>Whether <see cref="Shown"/> gives this reader the phone in clear because of the application's consent (to audit).</summary>
    public static bool Reveals(PhoneReader reader, bool sharedWithCompany) => reader == PhoneReader.Company && sharedWithCompany;
}
