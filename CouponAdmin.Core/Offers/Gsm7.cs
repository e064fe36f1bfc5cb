namespace CouponAdmin.Core.Offers;

/// <summary>How an SMS text travels: GSM-7 or Unicode (UCS-2), its length, and how many SMS parts it takes.</summary>
public sealed record SmsTextInfo(bool Unicode, int Characters, int Segments)
{
    public string Encoding => Unicode ? "Unicode" : "GSM-7";

    public string Summary => $"{Encoding} · {Characters} characters · {Segments} SMS";
}

/// <summary>The GSM 03.38 default alphabet: what an SMS can carry without switching to UCS-2.</summary>
public static class Gsm7
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>Characters of the extension table; each takes two septets.</summary>
    private const string Extension = "^{}\\[~]|€\f";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    /// <summary>The distinct characters of <paramref name="text"/> that GSM-7 cannot encode, in order of appearance.</summary>
    public static IReadOnlyList<string> UnsupportedCharacters(string text)
    {
        var found = new List<string>();
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            var ok = rune.IsBmp && (BasicSet.Contains((char)rune.Value) || ExtensionSet.Contains((char)rune.Value));
            if (!ok && !found.Contains(s))
            {
                found.Add(s);
            }
        }

        return found;
    }

    public static bool IsEncodable(string text) => UnsupportedCharacters(text).Count == 0;

    /// <summary>SMS parts the text needs: 160/153 septets in GSM-7, 70/67 UTF-16 units otherwise.</summary>
    public static int SegmentCount(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (IsEncodable(text))
        {
            var septets = text.Sum(c => ExtensionSet.Contains(c) ? 2 : 1);
            return septets <= 160 ? 1 : (int)Math.Ceiling(septets / 153.0);
        }

        return text.Length <= 70 ? 1 : (int)Math.Ceiling(text.Length / 67.0);
    }

    /// <summary>The encoding, length and SMS parts of <paramref name="text"/>, for the wizard and the gateway's unicode flag.</summary>
    public static SmsTextInfo Describe(string text) => new(!IsEncodable(text), text.Length, SegmentCount(text));
}
