using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using JobMatch.Api.Veterans.Roster;
using Npgsql;

namespace JobMatch.Api.Veterans;

/// <summary>A veteran's own profile (linked to the token's sub), their rights, and the admin's and recruiters' views.</summary>
public static class VeteransApi
{
    public static RouteGroupBuilder MapVeterans(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/veterans").WithTags("Veterans");
        group.MapPost("/me", Create).RequireAuthorization(Policies.Veteran).AcceptsIdempotencyKey()
            .WithSummary("Create my profile (one per user); sensitive data needs the sensitive_data consent in the same request");
        group.MapGet("/me", Get).RequireAuthorization(Policies.Veteran).WithSummary("My profile, identifiers masked");
        group.MapPut("/me", Update).RequireAuthorization(Policies.Veteran).WithSummary("Replace my profile; an absent idNumber keeps the stored one");
        group.MapDelete("/me", VeteranRights.Delete).RequireAuthorization(Policies.Veteran)
            .WithSummary("Delete my profile and every copy of my personal data; only anonymous counts remain");
        group.MapGet("/me/export", VeteranRights.Export).RequireAuthorization(Policies.Veteran)
            .WithSummary("Everything the service holds about me, identifiers in clear, as JSON");
        group.MapGet("/me/consents", VeteranRights.ConsentHistory).RequireAuthorization(Policies.Veteran)
            .WithSummary("My consents now and every answer, with its text version, time and method (self, signed_form, in_person)");
        group.MapPut("/me/consents/{kind}", VeteranRights.ChangeConsent).RequireAuthorization(Policies.Veteran)
            .WithSummary("Grant or withdraw one consent; a withdrawal takes effect at once (sensitive_data erases the data)");
        group.MapDelete("/me/skills/{label}", VeteranRights.RemoveSkill).RequireAuthorization(Policies.Veteran)
            .WithSummary("Remove a skill from my profile; an inferred one stays removed when the specialty is saved again");
        group.MapGet("/consent-texts", () => TypedResults.Ok(Consents.Texts)).RequireAuthorization(Policies.AnyRole)
            .WithSummary("The consent texts in force and their versions");
        group.MapGet("/", VeteransAdminApi.List).RequireAuthorization(Policies.Admin)
            .WithSummary("Search and page through profiles, identifiers masked; idNumber finds one by its keyed hash (admin)");
        group.MapGet("/{id:guid}", VeteransAdminApi.GetById).RequireAuthorization(Policies.AdminOrRecruiter)
            .WithSummary("One profile, masked: admin always; a recruiter only while the veteran's application to their company is live");
        group.MapPost("/{id:guid}/consents/{kind}/withdrawals", VeteranRights.WithdrawInPerson)
            .RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .WithSummary("Record a withdrawal the veteran asked for in person: method in_person, by the staff member, audited (admin)");
        group.MapPost("/{id:guid}/unmask", VeteransAdminApi.Unmask).RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .WithSummary("Show a profile's ID number and phone in clear, for a stated reason that goes to the audit log (admin)");
        app.MapVeteranRoster();
        return group;
    }

    static async Task<Results<Created<VeteranView>, ValidationProblem, ProblemHttpResult>> Create(
        VeteranInput body, ClaimsPrincipal user, HttpResponse response, NpgsqlDataSource dataSource, VeteranStore store, ReferenceData data,
        TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var profile = ProfileData.Validate(body, data, clock, errors);
        var consents = ValidateConsents(body.Consents, errors);
        if (profile is { HasSensitiveData: true } && !consents.Any(c => c.Kind == Consents.SensitiveData && c.Granted))
        {
            errors["consents"] = [SensitiveConsentNeeded()];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await store.BySubject(db, user.Subject(), tx) is not null)
        {
            return Problems.Conflict("您已创建过档案：请用 PUT /api/veterans/me 修改。", "You already have a profile: change it with PUT /api/veterans/me.");
        }
        if (profile!.Resident is { } resident
            && await CheckIdNumber(db, tx, store, user.Subject(), resident.Number, null, response, clock) is { } refused)
        {
            return refused;
        }
        var id = Guid.CreateVersion7();
        await store.Insert(db, tx, id, user.Subject(), profile);
        foreach (var consent in consents)
        {
            await Consents.RecordAsync(db, tx, id, consent.Kind, consent.Granted, consent.TextVersion);
        }
        await AuditLog.WriteAsync(db, tx, user, "veteran.created", "veteran", id);
        var view = await store.View(db, (await store.ById(db, id, tx))!, clear: false, tx);
        await tx.CommitAsync();
        return TypedResults.Created("/api/veterans/me", view);
    }

    static async Task<Results<Ok<VeteranView>, NotFound>> Get(ClaimsPrincipal user, NpgsqlDataSource dataSource, VeteranStore store)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await store.BySubject(db, user.Subject()) is { } row
            ? TypedResults.Ok(await store.View(db, row, clear: false))
            : TypedResults.NotFound();
    }

    static async Task<Results<Ok<VeteranView>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        VeteranInput body, ClaimsPrincipal user, HttpResponse response, NpgsqlDataSource dataSource, VeteranStore store, ReferenceData data,
        TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var profile = ProfileData.Validate(body, data, clock, errors);
        if (body.Consents is not null)
        {
            errors["consents"] = [Say.Text("请通过 PUT /api/veterans/me/consents/{kind} 更改同意。", "Change consents with PUT /api/veterans/me/consents/{kind}.")];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await store.BySubject(db, user.Subject(), tx) is not { } row)
        {
            return TypedResults.NotFound();
        }
        if (profile!.HasSensitiveData && !await Consents.HasAsync(db, row.Id, Consents.SensitiveData, tx))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["consents"] = [SensitiveConsentNeeded()] });
        }
        if (profile.Resident is { } resident && resident.Number != store.ClearIdNumber(row)
            && await CheckIdNumber(db, tx, store, user.Subject(), resident.Number, row.Id, response, clock) is { } refused)
        {
            return refused;
        }
        await store.Update(db, tx, row, profile);
        await AuditLog.WriteAsync(db, tx, user, "veteran.updated", "veteran", row.Id);
        var view = await store.View(db, (await store.ById(db, row.Id, tx))!, clear: false, tx);
        await tx.CommitAsync();
        return TypedResults.Ok(view);
    }

    /// <summary>
    /// Setting an ID number on one's own profile is an attempt of the caller's budget (<see cref="IdNumberAttempts"/>),
    /// whether the number is free or taken: otherwise profile after profile would tell who is registered. A taken number
    /// (mostly the bureau's roster) is answered with what to do: claim that profile with a code from the service centre.
    /// Null when the number may be set; the attempt then commits with the profile, or at once when refused.
    /// </summary>
    static async Task<ProblemHttpResult?> CheckIdNumber(NpgsqlConnection db, NpgsqlTransaction tx, VeteranStore store, string subject,
        string number, Guid? except, HttpResponse response, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await IdNumberAttempts.LockAsync(db, tx, subject, null);
        if (await IdNumberAttempts.CallerBlockedUntil(db, tx, subject, now) is { } until)
        {
            return IdNumberAttempts.CallerRefused(response, until, now);
        }
        await IdNumberAttempts.RecordAsync(db, tx, subject, IdNumberAttempts.Profile, null, now);
        if (!await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM veterans WHERE id_number_hash = @hash AND id IS DISTINCT FROM @except)",
            new { hash = store.LookupHash(number), except }, tx))
        {
            return null;
        }
        await tx.CommitAsync();
        return Problems.Conflict(
            "该身份证号已在退役军人服务中心的花名册或另一份档案中。如果这是您本人的身份证号，请向服务中心索取认领码，再认领该档案（POST /api/veterans/me/claim）。",
            "This ID number is on the bureau's roster or on another profile. If it is yours, ask the veterans service centre for a claim code "
            + "and claim that profile (POST /api/veterans/me/claim).");
    }

    static string SensitiveConsentNeeded() => Say.Text(
        "保存身份证号或服役信息前，需同意处理敏感个人信息（sensitive_data）。",
        "Storing an ID number or service details needs the sensitive_data consent.");

    /// <summary>Known kinds, each once, each naming the version of the text in force.</summary>
    static IReadOnlyList<ConsentInput> ValidateConsents(IReadOnlyList<ConsentInput>? consents, Dictionary<string, string[]> errors)
    {
        var list = consents ?? [];
        if (list.Contains(null!))
        {
            errors["consents"] = [Say.Text("同意列表中不能有空项。", "The list of consents cannot contain empty items.")];
            return [];
        }
        foreach (var consent in list)
        {
            if (Consents.Current(consent.Kind) is not { } text)
            {
                errors["consents"] = [Say.Text($"未知的同意类型 {consent.Kind}。", $"Unknown consent kind {consent.Kind}.")];
            }
            else if (consent.TextVersion != text.Version)
            {
                errors["consents"] = [Say.Text($"同意文本版本应为 {text.Version}。", $"The consent text version must be {text.Version}.")];
            }
        }
        if (list.GroupBy(c => c.Kind).Any(g => g.Count() > 1))
        {
            errors["consents"] = [Say.Text("每种同意只能出现一次。", "Give each consent kind once.")];
        }
        return list;
    }
}
