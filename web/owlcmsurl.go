package web

import (
	"net"
	"net/http"
	"slices"
	"strings"
)

// connectHelp is what an organiser types in OWLCMS's "URL for Video Data": the addresses of
// this machine on the network, since OWLCMS usually runs on another laptop, for which
// "localhost" is itself.
type connectHelp struct {
	URLs []string // one per address to try, the page's own address first when it is not local
	// Localhost: the page was opened as localhost (or 127.0.0.1): its own address would not
	// reach this machine from another one.
	Localhost bool
}

// newConnectHelp builds the addresses for a request, with the machine's interface addresses
// (net.InterfaceAddrs in production).
func newConnectHelp(r *http.Request, addrs []net.Addr) connectHelp {
	scheme := "ws"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "wss"
	}
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		host, port = r.Host, ""
	}
	withPort := func(h string) string {
		if port == "" {
			return h
		}
		return net.JoinHostPort(h, port)
	}
	var h connectHelp
	h.Localhost = isLocal(host)
	if !h.Localhost {
		h.URLs = append(h.URLs, scheme+"://"+r.Host+"/ws")
	}
	for _, ip := range lanIPs(addrs) {
		if u := scheme + "://" + withPort(ip) + "/ws"; !slices.Contains(h.URLs, u) {
			h.URLs = append(h.URLs, u)
		}
	}
	if len(h.URLs) == 0 { // no network at all: the page's address is all there is
		h.URLs = []string{scheme + "://" + r.Host + "/ws"}
	}
	return h
}

// isLocal reports whether a host name only reaches the machine it is typed on.
func isLocal(host string) bool {
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// lanIPs are the addresses of the non-loopback interfaces another machine can reach: IPv4
// first, then global IPv6 (link-local ones need a zone nobody types).
func lanIPs(addrs []net.Addr) []string {
	var v4, v6 []string
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok || n.IP.IsLoopback() || n.IP.IsLinkLocalUnicast() || n.IP.IsMulticast() || n.IP.IsUnspecified() {
			continue
		}
		if ip4 := n.IP.To4(); ip4 != nil {
			v4 = append(v4, ip4.String())
		} else {
			v6 = append(v6, n.IP.String())
		}
	}
	return append(v4, v6...)
}

// interfaceAddrs are this machine's addresses; none when they cannot be read.
func interfaceAddrs() []net.Addr {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	return addrs
}
