using JobMatch.Api.Conventions;
using JobMatch.Api.DemoData;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Api.Mentoring;

/// <summary>Loads <see cref="DemoMentoringData"/> with binary COPY, in the demo data's one transaction.</summary>
sealed class DemoMentoring(IServiceProvider services) : IDemoSeeder
{
    public string Name => "mentoring";
    public int Order => 40;

    public async Task SeedAsync(NpgsqlConnection db, NpgsqlTransaction transaction, IProgress<double> progress, CancellationToken ct)
    {
        // The seed command registers no clock of its own; the service (and tests) may.
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var data = new DemoMentoringData(ShanghaiTime.Today(clock));

        await Copy(db, "mentors (id, name, expertise, industries, district, capacity, paused, phone, synthetic, created_by)", data.Mentors, (w, m) =>
        {
            w.Write(m.Id, NpgsqlDbType.Uuid);
            w.Write(m.Name, NpgsqlDbType.Text);
            w.Write(m.Expertise, NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(m.Industries, NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(m.District, NpgsqlDbType.Text);
            w.Write(m.Capacity, NpgsqlDbType.Integer);
            w.Write(m.Paused, NpgsqlDbType.Boolean);
            w.Write(m.Phone, NpgsqlDbType.Text);
            w.Write(true, NpgsqlDbType.Boolean);
            w.Write("system", NpgsqlDbType.Text);
        }, ct);
        progress.Report(0.1);
        await Copy(db, """
            enterprises (id, name, credit_code, founder_name, founder_phone, industry, stage, district, employees, needs,
                         demonstration_base, synthetic, created_by)
            """, data.Enterprises, (w, e) =>
        {
            w.Write(e.Id, NpgsqlDbType.Uuid);
            w.Write(e.Name, NpgsqlDbType.Text);
            w.Write(e.CreditCode, NpgsqlDbType.Text);
            w.Write(e.FounderName, NpgsqlDbType.Text);
            w.Write(e.FounderPhone, NpgsqlDbType.Text);
            w.Write(e.Industry, NpgsqlDbType.Text);
            w.Write(e.Stage, NpgsqlDbType.Text);
            w.Write(e.District, NpgsqlDbType.Text);
            w.Write(e.Employees, NpgsqlDbType.Integer);
            w.Write(e.Needs, NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(e.DemonstrationBase, NpgsqlDbType.Boolean);
            w.Write(true, NpgsqlDbType.Boolean);
            w.Write("system", NpgsqlDbType.Text);
        }, ct);
        progress.Report(0.3);
        await Copy(db, "mentor_assignments (id, mentor_id, enterprise_id, starts_on, ends_on, co_mentoring, reason, end_reason, created_by)",
            data.Assignments, (w, a) =>
        {
            w.Write(a.Id, NpgsqlDbType.Uuid);
            w.Write(a.MentorId, NpgsqlDbType.Uuid);
            w.Write(a.EnterpriseId, NpgsqlDbType.Uuid);
            w.Write(a.StartsOn, NpgsqlDbType.Date);
            WriteNullable(w, a.EndsOn, NpgsqlDbType.Date);
            w.Write(a.CoMentoring, NpgsqlDbType.Boolean);
            w.Write(a.Reason, NpgsqlDbType.Text);
            WriteNullable(w, a.EndReason, NpgsqlDbType.Text);
            w.Write("system", NpgsqlDbType.Text);
        }, ct);
        progress.Report(0.5);
        await Copy(db, "mentoring_sessions (id, enterprise_id, mentor_id, held_on, hours, format, topics, needs_addressed, next_steps)",
            data.Sessions, (w, s) =>
        {
            w.Write(s.Id, NpgsqlDbType.Uuid);
            w.Write(s.EnterpriseId, NpgsqlDbType.Uuid);
            w.Write(s.MentorId, NpgsqlDbType.Uuid);
            w.Write(s.HeldOn, NpgsqlDbType.Date);
            w.Write(s.Hours, NpgsqlDbType.Numeric);
            w.Write(s.Format, NpgsqlDbType.Text);
            w.Write(s.Topics, NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(s.NeedsAddressed, NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(s.NextSteps, NpgsqlDbType.Text);
        }, ct);
    }

    static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    static async Task Copy<T>(NpgsqlConnection db, string target, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        await using var writer = await db.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            write(writer, row);
        }
        await writer.CompleteAsync(ct);
    }
}
