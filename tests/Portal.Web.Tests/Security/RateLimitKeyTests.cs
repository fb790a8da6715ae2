using System.Net;
using Portal.Web.Security;

namespace Portal.Web.Tests.Security;

public sealed class RateLimitKeyTests
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:5:7:abcd:1:2:3", "2001:db8:5:7::/64")]
    [InlineData("2001:db8:5:7::1", "2001:db8:5:7::/64")]
    public void ClientKey_IsTheIpv4Address_OrTheIpv6Network(string address, string key)
    {
        Assert.Equal(key, RateLimiting.ClientKey(IPAddress.Parse(address)));
    }

    [Fact]
    public void ClientKey_WithoutAnAddress_IsOneSharedKey()
    {
        Assert.Equal("unknown", RateLimiting.ClientKey(null));
    }
}
