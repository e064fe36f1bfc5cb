using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Uploads;

/// <summary>Writes a chunk's issue rows with one prepared statement, in the chunk's transaction.</summary>
internal static class UploadIssueWriter
{
    public static async Task WriteAsync(CouponDbContext db, long uploadId, IReadOnlyList<UploadIssue> issues, CancellationToken ct)
    {
        if (issues.Count == 0)
        {
            return;
        }

        await using var cmd = Sql.Command(db, UploadStatements.For(db.Dialect).AddIssue, ("@u", uploadId), ("@row", 0), ("@identifier", null), ("@code", null), ("@error", ""), ("@message", ""));
        cmd.Prepare();
        foreach (var issue in issues.OrderBy(i => i.Row))
        {
            cmd.Parameters[1].Value = issue.Row;
            cmd.Parameters[2].Value = (object?)issue.Identifier ?? DBNull.Value;
            cmd.Parameters[3].Value = (object?)issue.Code ?? DBNull.Value;
            cmd.Parameters[4].Value = issue.Error;
            cmd.Parameters[5].Value = issue.Message;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
