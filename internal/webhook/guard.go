package webhook

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"wenming/internal/domain"
)

// A webhook's address is typed by the system admin, and the server posts to
// it from inside the deployment's network. Left open, that makes the admin
// page a way to reach what only the server can: the cloud's metadata
// service, the database, intranet admin ports. So a webhook may only reach
// public addresses, checked when it is saved and again on every connection
// (the name may resolve elsewhere by then), unless the operator has listed
// the receiver as an internal one.

// Allowlist names the internal receivers the operator lets webhooks reach:
// host names, and addresses or address blocks.
type Allowlist struct {
	hosts []string
	nets  []netip.Prefix
}

// ParseAllowlist reads the operator's list, items separated by commas or
// spaces: "10.20.0.0/16, 127.0.0.1, sms.intranet".
func ParseAllowlist(s string) (Allowlist, error) {
	var a Allowlist
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		if p, err := netip.ParsePrefix(item); err == nil {
			a.nets = append(a.nets, p.Masked())
			continue
		}
		if ip, err := netip.ParseAddr(item); err == nil {
			a.nets = append(a.nets, netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen()))
			continue
		}
		if !hostName(item) {
			return a, fmt.Errorf("%q is neither an address, an address block (CIDR) nor a host name", item)
		}
		a.hosts = append(a.hosts, canonicalHost(item))
	}
	return a, nil
}

func (a Allowlist) hasHost(host string) bool {
	host = canonicalHost(host)
	for _, h := range a.hosts {
		if h == host {
			return true
		}
	}
	return false
}

func (a Allowlist) hasAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	for _, p := range a.nets {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func canonicalHost(h string) string { return strings.TrimSuffix(strings.ToLower(h), ".") }

// hostName tells a DNS name from the other ways to write an address: the
// last label of a name starts with a letter, so "2130706433", "0x7f000001",
// "127.1" and "0177.0.0.1" (which some resolvers read as 127.0.0.1) are not
// names.
func hostName(h string) bool {
	h = canonicalHost(h)
	if h == "" || strings.ContainsAny(h, "/:@%[] ") {
		return false
	}
	last := h[strings.LastIndexByte(h, '.')+1:]
	r, _ := utf8.DecodeRuneInString(last)
	return unicode.IsLetter(r)
}

// reserved are the blocks outside the public internet that netip's own
// predicates do not cover.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // shared address space (carrier NAT)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and the broadcast address
	netip.MustParsePrefix("::/96"),           // IPv4-compatible (deprecated)
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments, Teredo among them
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("3fff::/20"),       // documentation
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
}

var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// public tells whether an address is on the public internet. An IPv4
// address written as IPv6 (mapped, NAT64, 6to4) is judged by its IPv4
// address, which is where the packets end up.
func public(ip netip.Addr) bool {
	ip = ip.Unmap()
	b := ip.As16()
	switch {
	case !ip.IsValid(), ip.IsUnspecified(), ip.IsLoopback(), ip.IsPrivate(), ip.IsLinkLocalUnicast(), ip.IsMulticast():
		return false
	case nat64.Contains(ip):
		return public(netip.AddrFrom4([4]byte(b[12:16])))
	case sixToFour.Contains(ip):
		return public(netip.AddrFrom4([4]byte(b[2:6])))
	}
	for _, p := range reserved {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// errInternal is a connection refused because its address is not public.
var errInternal = errors.New("webhook: destination is not a public address")

// msgInternal is what the admin is told of such a destination.
const msgInternal = "推送地址不能指向内网或本机地址（如 127.0.0.1、10.x、192.168.x、169.254.169.254）；确需推送到内网接收方的，请运维人员在服务配置 -webhook-allow 中登记"

// guard decides where webhooks may go.
type guard struct {
	allow  Allowlist
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
}

// lookupTimeout bounds the name lookup when a webhook is saved.
const lookupTimeout = 3 * time.Second

// check refuses, when a webhook is saved, an address that is not a full
// http(s) URL or that points inside the network. A name that does not
// resolve now is accepted: the receiver may not be up yet, and every
// connection is checked again.
func (g guard) check(ctx context.Context, raw string) error {
	u, err := parseURL(raw)
	if err != nil {
		return err
	}
	host := u.Hostname()
	if g.allow.hasHost(host) {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if !g.allowed(ip) {
			return domain.Invalid("url", msgInternal)
		}
		return nil
	}
	if !hostName(host) || canonicalHost(host) == "localhost" || strings.HasSuffix(canonicalHost(host), ".localhost") {
		return domain.Invalid("url", msgInternal)
	}
	ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	addrs, err := g.lookup(ctx, host)
	if err != nil {
		return nil
	}
	for _, ip := range addrs {
		if !g.allowed(ip) {
			return domain.Invalid("url", msgInternal)
		}
	}
	return nil
}

func (g guard) allowed(ip netip.Addr) bool { return public(ip) || g.allow.hasAddr(ip) }

// client is the HTTP client deliveries are sent with: no proxy from the
// environment (it would connect on our behalf, past the check), every
// connection's address checked as it is made, and no redirect followed (a
// receiver could otherwise send the post on to an internal address).
func (g guard) client(timeout time.Duration) *http.Client {
	checked := &net.Dialer{Timeout: timeout, Control: func(_, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil || !g.allowed(ap.Addr()) {
			return errInternal
		}
		return nil
	}}
	plain := &net.Dialer{Timeout: timeout}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if g.allow.hasHost(host) {
			return plain.DialContext(ctx, network, addr)
		}
		if _, err := netip.ParseAddr(host); err != nil && !hostName(host) {
			return nil, errInternal
		}
		return checked.DialContext(ctx, network, addr)
	}
	transport := &http.Transport{Proxy: nil, DialContext: dial, ForceAttemptHTTP2: true, TLSHandshakeTimeout: timeout,
		MaxIdleConnsPerHost: 2, IdleConnTimeout: time.Minute}
	return &http.Client{
		Timeout:       timeout,
		Transport:     transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// reason is what the delivery log says of a failed send: the kind of
// failure only. The raw error names addresses, ports and how each answered,
// which would let the log be read as a scan of the network.
func reason(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, errInternal):
		return "推送地址指向内网或本机地址，已拒绝"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "超时"
	}
	return "连接失败"
}
