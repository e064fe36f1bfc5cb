using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Uploads.Processors;

/// <summary><c>audience</c> files: adds each row's customer to the offer's specific-customers list (a customer listed twice is listed once).</summary>
internal sealed class AudienceProcessor : IUploadProcessor
{
    public int ChunkSize => 20_000;

    public bool InChunkTransaction => true;

    public async Task ProcessAsync(UploadRunContext run, UploadChunk chunk, CancellationToken ct)
    {
        var rows = await ChunkCustomers.ResolveAsync(run, chunk, chunk.Rows, ct);
        await using var insert = Sql.Command(run.Db, UploadStatements.For(run.Db.Dialect).AddAudienceMember, ("@o", run.RequiredOffer.Id), ("@c", 0L));
        insert.Prepare();
        foreach (var row in rows)
        {
            insert.Parameters[1].Value = row.CustomerId;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
