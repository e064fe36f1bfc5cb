using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;

namespace CouponAdmin.Core.Issuance;

public enum IssualDecision { Issue, SendExisting, Refuse }

/// <summary>
/// The issuing rules of <see cref="IssueCoupon"/> for many issuals in file order (upload chunks): the state they
/// read — audience, past issuals, each customer's count and last issual, the series count, the codes left — is loaded
/// once for the chunk inside its write transaction, and every granted issual updates it, so the fourth row of one
/// customer sees the three before it. Rules are checked in the order of docs/architecture.md and refused with the same messages.
/// </summary>
internal sealed class IssualLedger
{
    private readonly Offer _offer;
    private readonly DateTimeOffset _now;
    private readonly HashSet<long>? _audience;
    private readonly Dictionary<long, long> _pastIssual;
    private readonly Dictionary<long, (int Count, DateTimeOffset? Last)> _customers;
    private readonly int? _maxPerCustomer;
    private long _seriesIssued;
    private long _codesLeft;

    private IssualLedger(Offer offer, DateTimeOffset now, HashSet<long>? audience, Dictionary<long, long> pastIssual,
        Dictionary<long, (int, DateTimeOffset?)> customers, long seriesIssued, long codesLeft)
    {
        _offer = offer;
        _now = now;
        _audience = audience;
        _pastIssual = pastIssual;
        _customers = customers;
        _maxPerCustomer = IssuanceChecks.MaxPerCustomer(offer.Definition);
        _seriesIssued = seriesIssued;
        _codesLeft = codesLeft;
    }

    /// <summary>Issuals granted so far, in order: the customer of each new coupon.</summary>
    public List<long> Granted { get; } = [];

    /// <summary>The customers' counts after the grants, for writing back to <c>CustomerIssuals</c>.</summary>
    public IEnumerable<(long CustomerId, int Count, DateTimeOffset? Last)> Touched =>
        _touched.Select(id => (id, _customers[id].Count, _customers[id].Last));

    private readonly HashSet<long> _touched = [];

    public long SeriesIssued => _seriesIssued;

    /// <summary>Reads the rules' state for <paramref name="customerIds"/>; <paramref name="codesLeft"/> is what the code source can still give.</summary>
    public static async Task<IssualLedger> LoadAsync(CouponDbContext db, Offer offer, IReadOnlyCollection<long> customerIds, long codesLeft,
        DateTimeOffset now, CancellationToken ct)
    {
        var d = offer.Definition;
        var sql = IssuanceStatements.For(db.Dialect);
        // The offer's counter row first, locked where writers run side by side (PostgreSQL): issuals of one offer then
        // queue here, so each reads the state the one before it wrote. SQLite's write transaction already admits one writer.
        await IssuanceCounters.EnsureOfferRowAsync(db, offer.Id, ct);
        var issued = await db.ScalarAsync<long>(sql.SeriesIssued, ct, ("@o", offer.Id)) ?? 0;
        var ids = db.Dialect.List(customerIds);
        HashSet<long>? audience = null;
        if (d.Coupon.SpecificCustomersOnly)
        {
            audience = [.. await db.ListAsync(sql.AudienceOf, r => r.GetInt64(0), ct, ("@ids", ids), ("@o", offer.Id))];
        }

        var past = new Dictionary<long, long>();
        if (d.Issual.RestrictPastOfferIds.Count > 0)
        {
            var rows = await db.ListAsync(sql.PastIssuals, r => (r.GetInt64(0), r.GetInt64(1)), ct, ("@ids", ids), ("@offers", db.Dialect.List(d.Issual.RestrictPastOfferIds)),
                ("@since", now.AddMonths(-IssuanceChecks.PastIssualMonths)));
            foreach (var (customer, pastOffer) in rows)
            {
                past[customer] = pastOffer;
            }
        }

        var customers = new Dictionary<long, (int, DateTimeOffset?)>();
        if (IssuanceChecks.CountsPerCustomer(d))
        {
            var rows = await db.ListAsync(sql.CustomerCounts, r => (r.GetInt64(0), r.GetInt32(1), r.IsDBNull(2) ? (DateTimeOffset?)null : db.Dialect.ReadInstant(r, 2)),
                ct, ("@ids", ids), ("@o", offer.Id));
            foreach (var (customer, count, last) in rows)
            {
                customers[customer] = (count, last);
            }
        }

        return new IssualLedger(offer, now, audience, past, customers, issued, codesLeft);
    }

    /// <summary>
    /// Carries a dry run's grants into the next chunk's ledger (nothing was written, so the database does not know them).
    /// </summary>
    public void Carry(IssualLedger previous)
    {
        foreach (var (id, count, last) in previous.Touched)
        {
            _customers[id] = (count, last);
            _touched.Add(id);
        }

        _seriesIssued = Math.Max(_seriesIssued, previous._seriesIssued);
        _codesLeft = Math.Min(_codesLeft, previous._codesLeft);
    }

    /// <summary>
    /// Takes back the latest grant to the customer when no code could be found for it after all (a code space used up
    /// sooner than counted, because an overlapping space holds some of its codes).
    /// </summary>
    public void Withdraw(long customerId)
    {
        if (_customers.TryGetValue(customerId, out var state) && state.Count > 0)
        {
            _customers[customerId] = (state.Count - 1, state.Last);
        }

        _seriesIssued--;
        Granted.RemoveAt(Granted.LastIndexOf(customerId));
    }

    /// <summary>Decides one issual for the customer, in the rule order of docs/architecture.md, and counts it when granted.</summary>
    /// <param name="newCoupon">False for a transfer: the code moves to this customer, no new coupon is made, so the series
    /// limit and the code source are not asked and "send the existing coupon" is no answer.</param>
    public (IssualDecision Decision, Error? Refusal) TryIssue(long customerId, bool newCoupon = true)
    {
        var d = _offer.Definition;
        if (_audience is not null && !_audience.Contains(customerId))
        {
            return (IssualDecision.Refuse, IssuanceChecks.NotInAudience(_offer, customerId));
        }

        if (_pastIssual.TryGetValue(customerId, out var pastOffer))
        {
            return (IssualDecision.Refuse, IssuanceChecks.PastIssual(customerId, pastOffer));
        }

        var counts = IssuanceChecks.CountsPerCustomer(d);
        var (count, last) = _customers.GetValueOrDefault(customerId);
        if (counts && _maxPerCustomer is { } max && count >= max)
        {
            return d.Issual.OnRepeatMatch == RepeatMatchAction.SendExisting && newCoupon
                ? (IssualDecision.SendExisting, CustomerRefusal.MaxReached(_offer, customerId, count))
                : (IssualDecision.Refuse, CustomerRefusal.MaxReached(_offer, customerId, count));
        }

        if (counts && d.Issual.MinGapDays > 0 && last is { } lastAt && lastAt > _now.AddDays(-d.Issual.MinGapDays))
        {
            return (IssualDecision.Refuse, CustomerRefusal.GapNotMet(_offer, customerId, lastAt));
        }

        if (newCoupon && d.Issual.TotalLimit is { } limit && _seriesIssued >= limit)
        {
            return (IssualDecision.Refuse, CustomerRefusal.SeriesLimitReached(_offer));
        }

        if (newCoupon && _codesLeft <= 0)
        {
            return (IssualDecision.Refuse, CodeSource.NoCodes(_offer, "every code it can give is taken"));
        }

        if (counts)
        {
            _customers[customerId] = (count + 1, _now);
            _touched.Add(customerId);
        }

        if (newCoupon)
        {
            _seriesIssued++;
            _codesLeft--;
        }

        Granted.Add(customerId);
        return (IssualDecision.Issue, null);
    }
}
