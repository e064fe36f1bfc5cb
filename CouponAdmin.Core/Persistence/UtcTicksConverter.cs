using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CouponAdmin.Core.Persistence;

/// <summary>Stores an instant as its UTC ticks: sortable, comparable and exact; read back with a zero offset.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
