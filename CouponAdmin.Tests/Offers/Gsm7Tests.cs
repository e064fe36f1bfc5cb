using CouponAdmin.Core.Offers;

namespace CouponAdmin.Tests.Offers;

public class Gsm7Tests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void APlainTextUses160CharactersInOneSegmentAnd153WhenSplit(int length, int segments)
    {
        Assert.Equal(segments, Gsm7.SegmentCount(new string('a', length)));
    }

    [Theory]
    [InlineData(80, 1)]
    [InlineData(81, 2)]
    public void AnExtensionCharacterTakesTwoSeptets(int euros, int segments)
    {
        Assert.Equal(segments, Gsm7.SegmentCount(new string('€', euros)));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void AUnicodeTextUses70CharactersInOneSegmentAnd67WhenSplit(int length, int segments)
    {
        var text = "₹" + new string('a', length - 1);

        Assert.Equal(segments, Gsm7.SegmentCount(text));
    }

    [Fact]
    public void AnEmojiTakesTwoUnicodeUnits()
    {
        Assert.Equal(1, Gsm7.SegmentCount("🎉" + new string('a', 68)));
        Assert.Equal(2, Gsm7.SegmentCount("🎉" + new string('a', 69)));
    }

    [Fact]
    public void UnsupportedCharactersAreListedOnceInOrderOfAppearance()
    {
        var found = Gsm7.UnsupportedCharacters("Save ₹100 🎉 on ✓ items, ₹ again and 🎉 again");

        Assert.Equal(["₹", "🎉", "✓"], found);
    }

    [Theory]
    [InlineData("Hello {{customer.name}}, your code is {{coupon.code}} until {{coupon.expiry}}.")]
    [InlineData("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà")]
    [InlineData("Extension: ^ { } \\ [ ~ ] | €")]
    [InlineData("Line one\nLine two\r\n")]
    public void Gsm7TextHasNoUnsupportedCharacters(string text)
    {
        Assert.Empty(Gsm7.UnsupportedCharacters(text));
        Assert.True(Gsm7.IsEncodable(text));
    }

    [Theory]
    [InlineData("₹")]
    [InlineData("á")]
    [InlineData("ç")]
    [InlineData("\t")]
    [InlineData("`")]
    public void CharactersOutsideTheAlphabetAreUnsupported(string character)
    {
        Assert.Equal([character], Gsm7.UnsupportedCharacters($"a{character}b"));
        Assert.False(Gsm7.IsEncodable(character));
    }
}
