package admin

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// promWriter writes the Prometheus text exposition format (version 0.0.4). The tracker's
// metrics are a few dozen counters and gauges read on demand from the components that own
// them, which this covers in a page of code; the client library would bring six modules.
type promWriter struct {
	w   io.Writer
	err error
}

// family starts a metric family: its HELP and TYPE lines ("counter" or "gauge").
func (p *promWriter) family(name, typ, help string) {
	p.printf("# HELP %s %s\n# TYPE %s %s\n", name, escapeHelp(help), name, typ)
}

// sample writes one sample; labels alternate names and values.
func (p *promWriter) sample(name string, value float64, labels ...string) {
	var b strings.Builder
	b.WriteString(name)
	if len(labels) > 1 {
		b.WriteByte('{')
		for i := 0; i+1 < len(labels); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(labels[i] + `="` + escapeLabel(labels[i+1]) + `"`)
		}
		b.WriteByte('}')
	}
	p.printf("%s %s\n", b.String(), strconv.FormatFloat(value, 'g', -1, 64))
}

// one writes a family with a single unlabelled sample.
func (p *promWriter) one(name, typ, help string, value float64) {
	p.family(name, typ, help)
	p.sample(name, value)
}

func (p *promWriter) printf(format string, a ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, a...)
	}
}

// Label values escape backslash, double quote and line feed; HELP text backslash and line feed.
var (
	labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	helpEscaper  = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
)

func escapeLabel(s string) string { return labelEscaper.Replace(s) }
func escapeHelp(s string) string  { return helpEscaper.Replace(s) }
