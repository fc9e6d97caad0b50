package web

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http/httptest"
	"testing"
)

func TestConnectHelp(t *testing.T) {
	cidr := func(s string) net.Addr {
		ip, n, err := net.ParseCIDR(s)
		if err != nil {
			t.Fatal(err)
		}
		n.IP = ip
		return n
	}
	lan := []net.Addr{cidr("127.0.0.1/8"), cidr("::1/128"), cidr("192.168.1.20/24"), cidr("fe80::1/64"),
		cidr("10.0.0.5/8"), cidr("2001:db8::7/64")}
	for _, tt := range []struct {
		host  string
		tls   bool
		addrs []net.Addr
		want  string
		local bool
	}{
		{"localhost:8096", false, lan, "[ws://192.168.1.20:8096/ws ws://10.0.0.5:8096/ws ws://[2001:db8::7]:8096/ws]", true},
		{"127.0.0.1:8096", false, lan, "[ws://192.168.1.20:8096/ws ws://10.0.0.5:8096/ws ws://[2001:db8::7]:8096/ws]", true},
		{"[::1]:8096", false, lan, "[ws://192.168.1.20:8096/ws ws://10.0.0.5:8096/ws ws://[2001:db8::7]:8096/ws]", true},
		{"192.168.1.20:8096", false, lan, "[ws://192.168.1.20:8096/ws ws://10.0.0.5:8096/ws ws://[2001:db8::7]:8096/ws]", false},
		{"tracker.example.org", true, nil, "[wss://tracker.example.org/ws]", false},
		{"localhost:8096", false, nil, "[ws://localhost:8096/ws]", true},
	} {
		r := httptest.NewRequest("GET", "/status", nil)
		r.Host = tt.host
		if tt.tls {
			r.TLS = &tls.ConnectionState{}
		}
		h := newConnectHelp(r, tt.addrs)
		if got := fmt.Sprint(h.URLs); got != tt.want || h.Localhost != tt.local {
			t.Errorf("%s: %s localhost %v, want %s localhost %v", tt.host, got, h.Localhost, tt.want, tt.local)
		}
	}
}
