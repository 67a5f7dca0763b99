using Dapper;
using Npgsql;

namespace JobMatch.Api.Mentoring;

/// <summary>What linking a mentor record to a subject found.</summary>
public enum MentorLinking
{
    Linked,
    NoSuchMentor,
    SubjectTakenByAnother,
}

/// <summary>Which subject (a token's sub, an account's id) acts as a mentor record: the one home of mentors.subject's writes.</summary>
public static class MentorSubjects
{
    /// <summary>Links the mentor to the subject, replacing an earlier subject of the mentor; a subject acts for one mentor only.</summary>
    public static async Task<MentorLinking> LinkAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Guid mentorId, string subject)
    {
        if (await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM mentors WHERE subject = @subject AND id <> @mentorId)",
            new { subject, mentorId }, tx))
        {
            return MentorLinking.SubjectTakenByAnother;
        }
        return await db.ExecuteAsync("UPDATE mentors SET subject = @subject WHERE id = @mentorId", new { subject, mentorId }, tx) == 0
            ? MentorLinking.NoSuchMentor : MentorLinking.Linked;
    }

    /// <summary>Unlinks the subject from whichever mentor it acts as (an account that is no longer a mentor); how many.</summary>
    public static Task<int> UnlinkAsync(NpgsqlConnection db, NpgsqlTransaction? tx, string subject) =>
        db.ExecuteAsync("UPDATE mentors SET subject = NULL WHERE subject = @subject", new { subject }, tx);
}
