using JobMatch.Api.Tests.Infrastructure;
using static JobMatch.Api.Tests.Security.SecurityWorld;

namespace JobMatch.Api.Tests.Security;

/// <summary>One operation of the OpenAPI document, what each caller gets, and the objects and body the request uses.</summary>
/// <param name="Operation">"METHOD /template" exactly as in the OpenAPI document.</param>
/// <param name="Expected">One answer per caller in <see cref="SecurityWorld.Callers"/> order: 2xx, or an exact status.</param>
/// <param name="Path">The request path with world objects in braces; the template when it has no parameters.</param>
public sealed record Access(string Operation, string Expected, string? Path = null, Func<SecurityWorld, HttpContent?>? Body = null)
{
    public string Method => Operation[..Operation.IndexOf(' ', StringComparison.Ordinal)];
    public string Template => Operation[(Operation.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    public string[] Answers => Expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Who may do what, one row per operation: the policy a reviewer reads. Callers: none (no token), the first veteran,
/// recruiter (linked to the company that owns the objects) and mentor (assigned to the enterprise), admin, and a second
/// veteran, recruiter (another company) and mentor (another caseload). 2xx = allowed; 401 no token; 403 role not allowed
/// on the route; 404 the object exists but is not the caller's. 409/400 are answers about the body or the object's state
/// (a second caller repeating what the first just did). Rows run in order: the ones that destroy what others use come last.
/// </summary>
public static class AccessPolicy
{
    public static readonly Access[] Rows =
    [
        //  operation                                              none vet1 rec1 men1 admn vet2 rec2 men2
        new("GET /api/me",                                         "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("GET /api/audit",                                      "401 403 403 403 2xx 403 403 403"),
        new("GET /api/console/settings",                           "2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),

        // Built-in accounts: sign-in and refresh are anonymous (an unknown account, no cookie: 401 for anyone); sign-out ends the
        // cookie's sign-in (none sent: nothing to end); sign-out-everywhere needs an account's token (the matrix's are minted).
        new("POST /api/auth/sign-in",                              "401 401 401 401 401 401 401 401", Body: _ => Json(new { account = "mx-nobody", password = "not-the-password" })),
        new("POST /api/auth/refresh",                              "401 401 401 401 401 401 401 401"),
        new("POST /api/auth/sign-out",                             "2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("POST /api/auth/sign-out-everywhere",                  "401 404 404 404 404 404 404 404"),
        // Registration is anonymous (a number that is not a mobile one: 400 for anyone, nothing created); staff confirm a phone
        // (no such account: 404).
        new("POST /api/auth/register",                             "400 400 400 400 400 400 400 400", Body: _ => Json(new { phone = "12345", password = "not-a-mobile-number" })),
        new("POST /api/accounts/{id}/phone-confirmation",          "401 403 403 403 404 403 403 403", $"/api/accounts/{Guid.Empty}/phone-confirmation"),
        // The second factor: a sign-in's challenge is anonymous (an unknown one: 401 for anyone); one's own authenticator needs
        // an account's token (the matrix's are minted: 404).
        new("POST /api/auth/second-factor/enrolment",              "401 401 401 401 401 401 401 401", Body: _ => Json(new { challenge = "mx-no-challenge" })),
        new("POST /api/auth/second-factor",                        "401 401 401 401 401 401 401 401", Body: _ => Json(new { challenge = "mx-no-challenge", code = "123456" })),
        new("POST /api/account/second-factor",                     "401 404 404 404 404 404 404 404"),
        new("POST /api/account/second-factor/confirm",             "401 404 404 404 404 404 404 404", Body: _ => Json(new { code = "123456" })),
        new("DELETE /api/account/second-factor",                   "401 404 404 404 404 404 404 404"),
        // A one-time code that is not live: one 404 for anyone. A reset is 202 whatever the account. The own-account routes need an
        // account's token: the matrix's tokens are minted, so none has one here.
        new("POST /api/auth/set-password/check",                   "404 404 404 404 404 404 404 404", Body: _ => Json(new { code = "AAAA-BBBB-CCCC-DDDD" })),
        new("POST /api/auth/set-password",                         "404 404 404 404 404 404 404 404", Body: _ => Json(new { code = "AAAA-BBBB-CCCC-DDDD", password = "a long enough passphrase" })),
        new("POST /api/auth/email-confirmation",                   "404 404 404 404 404 404 404 404", Body: _ => Json(new { code = "AAAA-BBBB-CCCC-DDDD" })),
        new("POST /api/auth/password-reset",                       "2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx", Body: _ => Json(new { account = "mx-nobody" })),
        new("GET /api/account",                                    "401 404 404 404 404 404 404 404"),
        new("POST /api/account/password",                          "401 404 404 404 404 404 404 404", Body: _ => Json(new { currentPassword = "not-the-password", newPassword = "a long enough passphrase" })),
        new("PUT /api/account/email",                              "401 404 404 404 404 404 404 404", Body: _ => Json(new { email = "mx@example.test" })),

        // Accounts: staff alone list, create and change them.
        new("GET /api/accounts",                                   "401 403 403 403 2xx 403 403 403"),
        new("GET /api/accounts/{id}",                              "401 403 403 403 2xx 403 403 403", "/api/accounts/{freshAccount}"),
        new("POST /api/accounts",                                  "401 403 403 403 2xx 403 403 403", Body: w => Json(new { role = "recruiter", userName = "mx-" + Guid.NewGuid().ToString("N")[..12], companyId = w["company"] })),
        new("POST /api/accounts/{id}/invitation",                  "401 403 403 403 2xx 403 403 403", "/api/accounts/{freshAccount}/invitation"),
        new("POST /api/accounts/{id}/disable",                     "401 403 403 403 2xx 403 403 403", "/api/accounts/{freshAccount}/disable"),
        new("POST /api/accounts/{id}/enable",                      "401 403 403 403 2xx 403 403 403", "/api/accounts/{freshAccount}/enable"),
        new("PUT /api/accounts/{id}/role",                         "401 403 403 403 2xx 403 403 403", "/api/accounts/{freshAccount}/role", w => Json(new { role = "recruiter", companyId = w["company"] })),

        // Companies: a recruiter reaches the companies linked to them.
        new("GET /api/companies",                                  "401 403 2xx 403 2xx 403 2xx 403"),
        new("POST /api/companies",                                 "401 403 403 403 2xx 403 403 403", Body: _ => Json(new { name = "矩阵新公司" + Guid.NewGuid().ToString("N")[..6] })),
        new("GET /api/companies/{id}",                             "401 403 2xx 403 2xx 403 404 403", "/api/companies/{company}"),
        new("PUT /api/companies/{id}",                             "401 403 403 403 2xx 403 403 403", "/api/companies/{company}", w => Json(new { name = w["companyName"], industry = "物流" })),
        new("GET /api/companies/{id}/recruiters",                  "401 403 403 403 2xx 403 403 403", "/api/companies/{company}/recruiters"),
        new("POST /api/companies/{id}/recruiters",                 "401 403 403 403 2xx 403 403 403", "/api/companies/{company}/recruiters", _ => Json(new { subject = "mx-rec-extra" })),

        // Listings: anyone signed in reads; admin creates fairs and programs; a company's recruiters edit its positions.
        new("GET /api/job-fairs",                                  "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("POST /api/job-fairs",                                 "401 403 403 403 2xx 403 403 403", Body: _ => Json(new { name = "矩阵招聘会", heldOn = "2023-03-16", online = true })),
        new("GET /api/job-fairs/{id}",                             "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx", "/api/job-fairs/{fair}"),
        new("PUT /api/job-fairs/{id}",                             "401 403 403 403 2xx 403 403 403", "/api/job-fairs/{fair}", _ => Json(new { name = "矩阵招聘会（改）", heldOn = "2023-03-17", online = true })),
        new("GET /api/programs",                                   "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("POST /api/programs",                                  "401 403 403 403 2xx 403 403 403", Body: w => Json(new { name = "矩阵订单班", college = "淮南联合大学", degreeLevel = "大专", startsOn = "2023-09-01", durationMonths = 36, sponsors = new[] { new { companyId = w["company"], seats = 2 } } })),
        new("GET /api/programs/{id}",                              "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx", "/api/programs/{program}"),
        new("PUT /api/programs/{id}",                              "401 403 403 403 2xx 403 403 403", "/api/programs/{program}", w => Json(new { name = "矩阵订单班", college = "淮南联合大学", degreeLevel = "大专", startsOn = "2023-09-01", durationMonths = 36, sponsors = new[] { new { companyId = w["company"], seats = 12 } } })),
        new("GET /api/openings",                                   "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("POST /api/openings",                                  "401 403 2xx 403 2xx 403 404 403", Body: w => Json(new { companyId = w["company"], title = "矩阵岗位", headcount = 2, district = "田家庵区" })),
        new("GET /api/openings/{id}",                              "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx", "/api/openings/{opening}"),
        new("PUT /api/openings/{id}",                              "401 403 2xx 403 2xx 403 404 403", "/api/openings/{opening}", w => Json(new { companyId = w["company"], title = "叉车司机", headcount = 5, district = "田家庵区" })),

        // Imports: into any fair (a recruiter's file with none of their companies' rows has nothing to commit: 422); into a
        // program only for its sponsors (a recruiter of none does not find it); a batch belongs to its uploader (and admin).
        new("POST /api/job-fairs/{id}/imports",                    "401 403 2xx 403 2xx 403 422 403", "/api/job-fairs/{fair}/imports", w => File(w.ListingCsv("电工"), "fair.csv")),
        new("POST /api/programs/{id}/imports",                     "401 403 2xx 403 2xx 403 404 403", "/api/programs/{program}/imports", w => File(w.ListingCsv("学员"), "program.csv")),
        new("GET /api/imports",                                    "401 403 2xx 403 2xx 403 2xx 403"),
        new("GET /api/imports/running",                            "401 403 2xx 403 2xx 403 2xx 403"),
        new("GET /api/imports/{id}",                               "401 403 2xx 403 2xx 403 404 403", "/api/imports/{import}"),
        new("GET /api/imports/{id}/errors",                        "401 403 2xx 403 2xx 403 404 403", "/api/imports/{import}/errors"),
        new("POST /api/placements/imports",                        "401 403 403 403 2xx 403 403 403", Body: w => File(Listings.Csv("身份证号,单位名称,岗位名称,日期,结果", $"{VeteranData.NewIdNumber(birth: "19790101")},{w["companyName"]},叉车司机,2024-03-01,录用"), "placements.csv")),
        new("POST /api/veterans/imports",                          "401 403 403 403 2xx 403 403 403", Body: _ => File(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19790102"), VeteranData.NewPhone())), "roster.csv")),
        new("GET /api/veterans/imports/{id}",                      "401 403 403 403 2xx 403 403 403", "/api/veterans/imports/{rosterBatch}"),

        // Applications: the applicant, the position's company, admin; anyone else does not find them.
        new("POST /api/openings/{id}/applications",                "401 2xx 403 403 403 2xx 403 403", "/api/openings/{opening}/applications"),
        new("GET /api/openings/{id}/applications",                 "401 403 2xx 403 2xx 403 404 403", "/api/openings/{opening}/applications"),
        new("GET /api/applications",                               "401 403 403 403 2xx 403 403 403"),
        new("GET /api/applications/{id}",                          "401 2xx 2xx 404 2xx 404 404 404", "/api/applications/{application}"),
        // The applicant may not move their application to screening (a company's move): 403 about the move, not the object.
        new("PATCH /api/applications/{id}",                        "401 403 2xx 404 409 404 404 404", "/api/applications/{application}", _ => Json(new { state = "screening" })),
        // Bulk moves answer 200 with one result per item: another company's application is a result "not found", not a 404.
        new("POST /api/applications/moves",                        "401 403 2xx 403 2xx 403 2xx 403", Body: w => Json(new { ids = new[] { w["application"] }, state = "rejected", onlyFrom = new[] { "submitted" } })),
        new("GET /api/applications/early",                         "401 403 2xx 403 2xx 403 2xx 403", "/api/applications/early?fairId={fair}"),
        new("GET /api/veterans/me/applications",                   "401 2xx 403 403 403 2xx 403 403"),
        new("POST /api/openings/{id}/interactions",                "401 2xx 403 403 403 2xx 403 403", "/api/openings/{opening}/interactions", _ => Json(new { kind = "view" })),
        new("GET /api/interactions/training-set",                  "401 403 403 403 2xx 403 403 403"),
        // Saved positions: each veteran's own list (by token, never by id); saving twice keeps one, unsaving twice is nothing to do.
        new("GET /api/veterans/me/saved",                          "401 2xx 403 403 403 2xx 403 403"),
        new("PUT /api/veterans/me/saved/{positionId}",             "401 2xx 403 403 403 2xx 403 403", "/api/veterans/me/saved/{opening}"),
        new("DELETE /api/veterans/me/saved/{positionId}",          "401 2xx 403 403 403 2xx 403 403", "/api/veterans/me/saved/{opening}"),
        new("GET /api/reports/job-fairs/{id}",                     "401 403 403 403 2xx 403 403 403", "/api/reports/job-fairs/{fair}"),
        new("GET /api/reports/programs/{id}",                      "401 403 403 403 2xx 403 403 403", "/api/reports/programs/{program}"),
        new("GET /api/reports/placements",                         "401 403 403 403 2xx 403 403 403"),

        // Veterans: a profile is its owner's; admin searches and unmasks; a recruiter reads applicants to their company.
        new("GET /api/veterans/me",                                "401 2xx 403 403 403 2xx 403 403"),
        new("POST /api/veterans/me",                               "401 409 403 403 403 409 403 403", Body: _ => Json(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19790103"), VeteranData.NewPhone()))),
        new("GET /api/veterans/me/export",                         "401 2xx 403 403 403 2xx 403 403"),
        new("GET /api/veterans/me/consents",                       "401 2xx 403 403 403 2xx 403 403"),
        new("PUT /api/veterans/me/consents/{kind}",                "401 2xx 403 403 403 2xx 403 403", "/api/veterans/me/consents/automated_matching", _ => Json(new { granted = true, textVersion = "2026-11" })),
        new("GET /api/veterans/consent-texts",                     "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("GET /api/veterans/roster-basis",                      "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        // Both already hold a profile, so neither may claim another.
        new("POST /api/veterans/me/claim",                         "401 409 403 403 403 409 403 403", Body: _ => Json(new { idNumber = VeteranData.NewIdNumber(birth: "19790104"), name = "甄郗隗靳", code = "ABCDE-FGHJK" })),
        // Staff hand a roster veteran the code that claims their profile; a new one replaces the last.
        new("POST /api/veterans/{id}/claim-code",                  "401 403 403 403 2xx 403 403 403", "/api/veterans/{rosterVeteran}/claim-code"),
        new("GET /api/veterans",                                   "401 403 403 403 2xx 403 403 403"),
        new("GET /api/veterans/{id}",                              "401 403 2xx 403 2xx 403 404 403", "/api/veterans/{veteran}"),
        new("POST /api/veterans/{id}/unmask",                      "401 403 403 403 2xx 403 403 403", "/api/veterans/{veteran}/unmask", _ => Json(new { reason = "核对身份" })),
        new("GET /api/skills",                                     "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx", "/api/skills?q=叉车"),
        new("GET /api/specialties",                                "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx", "/api/specialties?q=驾驶"),
        new("GET /api/districts",                                  "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("GET /api/education-levels",                           "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("GET /api/service-branches",                           "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("GET /api/specialties/{code}",                         "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx", "/api/specialties/{specialty}"),

        // Matching: a veteran's own matches; candidates and invitations for the position's company.
        new("GET /api/veterans/me/matches",                        "401 2xx 403 403 403 2xx 403 403"),
        new("GET /api/veterans/{id}/matches",                      "401 403 403 403 2xx 403 403 403", "/api/veterans/{veteran}/matches"),
        new("GET /api/openings/{id}/candidates",                   "401 403 2xx 403 2xx 403 404 403", "/api/openings/{opening}/candidates"),
        new("POST /api/openings/{id}/invitations",                 "401 403 2xx 403 409 403 404 403", "/api/openings/{opening}/invitations", w => Json(new { veteranId = w["candidate"], message = "欢迎" })),
        new("GET /api/veterans/me/invitations",                    "401 2xx 403 403 403 2xx 403 403"),
        // Notifications: each person's own inbox (another's message, or none: 404); the outbox is the admin's.
        new("GET /api/notifications",                              "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("GET /api/notifications/unread-count",                 "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("POST /api/notifications/{id}/read",                   "401 404 404 404 404 404 404 404",
            "/api/notifications/0191a3b2-0000-7000-8000-000000000001/read"),
        new("GET /api/notifications/preferences",                  "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("PUT /api/notifications/preferences",                  "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx", Body: _ => Json(new { preferences = new[] { new { kind = "import.finished", channel = "inbox", on = true } } })),
        // The unsubscribe link is anonymous: the signed token is the proof (none here: 400 for anyone, nothing changed).
        new("GET /api/notifications/unsubscribe",                  "400 400 400 400 400 400 400 400"),
        new("POST /api/notifications/unsubscribe",                 "400 400 400 400 400 400 400 400"),
        new("POST /api/notifications/read-all",                    "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx"),
        new("GET /api/notifications/outbox",                       "401 403 403 403 2xx 403 403 403"),
        new("POST /api/notifications/outbox/{id}/replay",          "401 403 403 403 404 403 403 403",
            "/api/notifications/outbox/0191a3b2-0000-7000-8000-000000000001/replay"),
        new("POST /api/veterans/me/invitations/{id}/accept",       "401 2xx 403 403 403 404 403 403", "/api/veterans/me/invitations/{invitationAccept}/accept"),
        new("POST /api/veterans/me/invitations/{id}/decline",      "401 2xx 403 403 403 404 403 403", "/api/veterans/me/invitations/{invitationDecline}/decline"),
        new("POST /api/models/train",                              "401 403 403 403 2xx 403 403 403"),
        new("GET /api/models",                                     "401 403 403 403 2xx 403 403 403"),
        new("GET /api/models/{id}",                                "401 403 403 403 2xx 403 403 403", "/api/models/{model}"),
        new("POST /api/models/{id}/promote",                       "401 403 403 403 2xx 403 403 403", "/api/models/{model}/promote", _ => Json(new { reason = "矩阵" })),

        // Mentoring: admin runs it; a mentor reaches their own record and the enterprises assigned to them.
        new("GET /api/mentors",                                    "401 403 403 403 2xx 403 403 403"),
        new("POST /api/mentors",                                   "401 403 403 403 2xx 403 403 403", Body: _ => Json(new { name = "矩阵导师", expertise = new[] { "legal" }, district = "340403", capacity = 3 })),
        new("GET /api/mentors/{id}",                               "401 403 403 403 2xx 403 403 403", "/api/mentors/{mentor}"),
        new("PATCH /api/mentors/{id}",                             "401 403 403 403 2xx 403 403 403", "/api/mentors/{mentorSpare}", _ => Json(new { capacity = 6 })),
        new("GET /api/mentors/me",                                 "401 403 403 2xx 403 403 403 2xx"),
        new("GET /api/mentors/me/caseload",                        "401 403 403 2xx 403 403 403 2xx"),
        new("GET /api/mentors/{id}/caseload",                      "401 403 403 403 2xx 403 403 403", "/api/mentors/{mentor}/caseload"),
        new("PUT /api/mentors/{id}/subject",                       "401 403 403 403 2xx 403 403 403", "/api/mentors/{mentorSpare}/subject", _ => Json(new { subject = "mx-men-spare" })),
        new("GET /api/enterprises",                                "401 403 403 403 2xx 403 403 403"),
        new("POST /api/enterprises",                               "401 403 403 403 2xx 403 403 403", Body: _ => Json(new { name = "矩阵军创" + Guid.NewGuid().ToString("N")[..6], founderName = "王建国", industry = "餐饮", stage = "idea", district = "340403" })),
        new("GET /api/enterprises/{id}",                           "401 403 403 2xx 2xx 403 403 404", "/api/enterprises/{enterprise}"),
        new("PATCH /api/enterprises/{id}",                         "401 403 403 403 2xx 403 403 403", "/api/enterprises/{enterprise}", _ => Json(new { employees = 7 })),
        new("GET /api/enterprises/{id}/sessions",                  "401 403 403 2xx 2xx 403 403 404", "/api/enterprises/{enterprise}/sessions"),
        new("POST /api/enterprises/{id}/sessions",                 "401 403 403 2xx 403 403 403 404", "/api/enterprises/{enterprise}/sessions", _ => Json(new { hours = 1.5m, format = "phone", topics = new[] { "融资" } })),
        new("GET /api/enterprises/{id}/mentor-suggestions",        "401 403 403 403 2xx 403 403 403", "/api/enterprises/{enterprise}/mentor-suggestions"),
        new("GET /api/assignments",                                "401 403 403 403 2xx 403 403 403"),
        new("POST /api/assignments",                               "401 403 403 403 2xx 403 403 403", Body: w => Json(new { mentorId = w["mentorTo"], enterpriseId = w["enterpriseFree"], reason = "矩阵" })),
        new("POST /api/assignments/plan",                          "401 403 403 403 2xx 403 403 403"),
        new("POST /api/assignments/plan/accept",                   "401 403 403 403 2xx 403 403 403", Body: w => Json(new { items = new[] { new { mentorId = w["mentorTo"], enterpriseId = w["enterprisePlanned"] } }, reason = "矩阵" })),
        new("GET /api/reports/mentoring",                          "401 403 403 403 2xx 403 403 403"),

        // Last: requests that end, unlink, revert or delete what the rows above use.
        new("DELETE /api/openings/{id}",                           "401 403 2xx 403 2xx 403 404 403", "/api/openings/{openingToClose}"),
        new("DELETE /api/imports/{id}",                            "401 403 2xx 403 2xx 403 404 403", "/api/imports/{freshImport}"),
        new("POST /api/job-fairs/{id}/close",                      "401 403 403 403 2xx 403 403 403", "/api/job-fairs/{fair}/close"),
        new("POST /api/programs/{id}/close",                       "401 403 403 403 2xx 403 403 403", "/api/programs/{program}/close"),
        new("DELETE /api/companies/{id}/recruiters/{subject}",     "401 403 403 403 2xx 403 403 403", "/api/companies/{company}/recruiters/mx-rec-spare"),
        new("POST /api/assignments/{id}/end",                      "401 403 403 403 2xx 403 403 403", "/api/assignments/{assignmentToEnd}/end", _ => Json(new { reason = "矩阵" })),
        new("POST /api/mentors/{id}/reassign",                     "401 403 403 403 2xx 403 403 403", "/api/mentors/{mentorFrom}/reassign", w => Json(new { toMentorId = w["mentorTo"], reason = "矩阵" })),
        new("DELETE /api/mentors/{id}/subject",                    "401 403 403 403 2xx 403 403 403", "/api/mentors/{mentorSpare}/subject"),
        // Staff record what the veteran asked in person: after the rows above that need vet1's matching consent.
        new("POST /api/veterans/{id}/consents/{kind}/withdrawals", "401 403 403 403 2xx 403 403 403", "/api/veterans/{veteran}/consents/automated_matching/withdrawals", _ => Json(new { note = "本人到服务中心要求撤回" })),
        new("DELETE /api/veterans/me/skills/{label}",              "401 2xx 403 403 403 2xx 403 403", "/api/veterans/me/skills/{skill}"),
        new("PUT /api/veterans/me",                                "401 2xx 403 403 403 2xx 403 403", Body: _ => Json(new { name = "甄郗隗靳", phone = VeteranData.NewPhone(), homeDistrict = "田家庵区" })),
        new("DELETE /api/veterans/me",                             "401 2xx 403 403 403 2xx 403 403"),
    ];
}
