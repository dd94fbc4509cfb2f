using System.Net;
using System.Net.Sockets;

namespace Jat.Converters.Fetching;

/// <summary>A host that resolved to an address the fetcher must not reach (raised before any connection is made).</summary>
internal sealed class PrivateAddressException(string host, IPAddress address)
    : Exception($"{host} resolves to {address}, a private, loopback or link-local address");

/// <summary>
/// Which addresses a crawler of public URLs must never connect to: a URL list from the web can name (or redirect to)
/// a router, a cloud metadata service (169.254.169.254) or the machine itself. Any address that is not public
/// unicast counts, including IPv6 forms that embed an IPv4 address.
/// </summary>
internal static class AddressPolicy
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return IsPrivateV4(b);
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return true;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            return true;
        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        // ::/96 holds ::, ::1 and the deprecated IPv4-compatible form; 64:ff9b::/96 is NAT64; both end in an IPv4 address.
        if (v6[..12].IndexOfAnyExcept((byte)0) < 0)
            return true;
        if (v6[..12].SequenceEqual(Nat64Prefix))
            return IsPrivateV4(v6[12..]);
        // 2002::/16 is 6to4: the next four bytes are the IPv4 address it tunnels to.
        if (v6[0] == 0x20 && v6[1] == 0x02)
            return IsPrivateV4(v6[2..6]);
        return false;
    }

    private static ReadOnlySpan<byte> Nat64Prefix => [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    private static bool IsPrivateV4(ReadOnlySpan<byte> b) => b[0] switch
    {
        0 or 10 or 127 => true,                  // "this network", private, loopback
        100 => b[1] is >= 64 and < 128,         // carrier-grade NAT, 100.64.0.0/10
        169 => b[1] == 254,                     // link-local, cloud metadata services
        172 => b[1] is >= 16 and < 32,          // private, 172.16.0.0/12
        192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2), // private; IETF protocol assignments; TEST-NET-1
        198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100), // benchmarking; TEST-NET-2
        203 => b[1] == 0 && b[2] == 113,         // TEST-NET-3
        >= 224 => true,                         // multicast, reserved, broadcast
        _ => false,
    };
}
