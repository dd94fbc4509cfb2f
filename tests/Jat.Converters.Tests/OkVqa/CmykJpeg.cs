namespace Jat.Converters.Tests.OkVqa;

/// <summary>
/// A flat-colour baseline JPEG with four components and Adobe's APP14 marker (transform 0), i.e. a CMYK JPEG as
/// Photoshop writes them. Hand-made because ImageSharp 2.1's encoder accepts <c>JpegColorType.Cmyk</c> but silently
/// writes YCbCr (checked: the output has three components and no Adobe marker).
/// </summary>
/// <remarks>
/// Every 8×8 block is flat, so only its DC coefficient is coded: with a quantiser of 8, a flat block of value v has
/// DC 8·(v−128)/8 = v−128, coded for the first block of each component and as a zero difference after it; every AC
/// run is a lone end-of-block. Values follow Adobe's inverted convention, as decoders expect with this marker.
/// </remarks>
internal static class CmykJpeg
{
    /// <summary>Luminance DC code lengths of the JPEG standard (table K.3), symbols 0–11.</summary>
    private static readonly byte[] DcCounts = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Flat(int width, int height, byte c, byte m, byte y, byte k)
    {
        var o = new List<byte> { 0xFF, 0xD8 };
        o.AddRange([0xFF, 0xEE, 0x00, 0x0E, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00]);
        o.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        o.AddRange(Enumerable.Repeat((byte)8, 64));
        o.AddRange([0xFF, 0xC0, 0x00, 20, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 4]);
        for (byte id = 1; id <= 4; id++)
            o.AddRange([id, 0x11, 0x00]);
        o.AddRange([0xFF, 0xC4, 0x00, 3 + 16 + 12, 0x00]);
        o.AddRange(DcCounts);
        o.AddRange(Enumerable.Range(0, 12).Select(i => (byte)i));
        // AC table with one code, "0", for end-of-block.
        o.AddRange([0xFF, 0xC4, 0x00, 3 + 16 + 1, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]);
        o.AddRange([0xFF, 0xDA, 0x00, 14, 4]);
        for (byte id = 1; id <= 4; id++)
            o.AddRange([id, 0x00]);
        o.AddRange([0, 63, 0]);
        var codes = CanonicalCodes();
        var bits = new BitWriter();
        var blocks = (width + 7) / 8 * ((height + 7) / 8);
        byte[] values = [c, m, y, k];
        for (var b = 0; b < blocks; b++)
            foreach (var v in values)
            {
                var diff = b == 0 ? v - 128 : 0;
                var size = diff == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(diff));
                bits.Write(codes[size].Code, codes[size].Length);
                if (size > 0)
                    bits.Write(diff > 0 ? diff : diff + (1 << size) - 1, size);
                bits.Write(0, 1);
            }
        o.AddRange(bits.Finish());
        o.AddRange([0xFF, 0xD9]);
        return [.. o];
    }

    private static (int Code, int Length)[] CanonicalCodes()
    {
        var codes = new (int Code, int Length)[12];
        int code = 0, symbol = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var n = 0; n < DcCounts[length - 1]; n++)
                codes[symbol++] = (code++, length);
            code <<= 1;
        }
        return codes;
    }

    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _byte;
        private int _bits;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _byte = (_byte << 1) | ((value >> i) & 1);
                if (++_bits == 8)
                {
                    _bytes.Add((byte)_byte);
                    if (_byte == 0xFF)
                        _bytes.Add(0); // byte stuffing
                    _byte = 0;
                    _bits = 0;
                }
            }
        }

        /// <summary>Pads the last byte with 1 bits, as the standard asks.</summary>
        public List<byte> Finish()
        {
            while (_bits != 0)
                Write(1, 1);
            return _bytes;
        }
    }
}
