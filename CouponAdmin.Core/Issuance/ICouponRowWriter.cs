namespace CouponAdmin.Core.Issuance;

/// <summary>
/// The writer of the bulk paths' coupon rows (bulk issuance, customers and codes uploads), inside the caller's transaction:
/// rows added are buffered and may reach the database only at <see cref="Flush"/>, so nothing may read them before it.
/// Each provider has its fastest way (<see cref="Persistence.Dialects.ISqlDialect.CouponRows"/>): SQLite a prepared
/// multi-row INSERT (<see cref="CouponInserter"/>), PostgreSQL binary COPY.
/// </summary>
public interface ICouponRowWriter : IDisposable
{
    void Add(string code, long? index, long? customerId, int transferSeq = 0);

    /// <summary>Writes what is still buffered; call before the transaction commits.</summary>
    void Flush();
}
