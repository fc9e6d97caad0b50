package main

import (
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    func(c config) bool
		wantErr bool
	}{
		{"defaults", nil, nil, func(c config) bool {
			return c.Addr == ":8096" && c.LocalDir == "./local" && c.WSReadLimitMB == 64 && c.LogLevel == slog.LevelInfo && !c.Demo && !c.LearningMode
		}, false},
		{"PORT env", nil, map[string]string{"PORT": "9000"}, func(c config) bool { return c.Addr == ":9000" }, false},
		{"flag beats env", []string{"-addr", "127.0.0.1:7000"}, map[string]string{"PORT": "9000"}, func(c config) bool { return c.Addr == "127.0.0.1:7000" }, false},
		{"admin on loopback by default", nil, nil, func(c config) bool { return c.AdminAddr == "127.0.0.1:9096" }, false},
		{"ADMIN_ADDR env", nil, map[string]string{"ADMIN_ADDR": ":9091"}, func(c config) bool { return c.AdminAddr == ":9091" }, false},
		{"admin off", []string{"-admin", "off"}, map[string]string{"ADMIN_ADDR": ":9091"}, func(c config) bool { return c.AdminAddr == "" }, false},
		{"viewer limits", []string{"-max-viewers-per-ip", "20"}, map[string]string{"MAX_VIEWERS": "500", "CLIENT_IP_HEADER": "Fly-Client-IP"},
			func(c config) bool {
				return c.MaxViewers == 500 && c.MaxViewersIP == 20 && c.ClientIPHeader == "Fly-Client-IP"
			}, false},
		{"bad viewer limit", nil, map[string]string{"MAX_VIEWERS": "lots"}, nil, true},
		{"ws connection caps by default", nil, nil, func(c config) bool { return c.WSMaxConns == 16 && c.WSMaxConnsIP == 4 }, false},
		{"ws connection caps", []string{"-ws-max-connections-per-ip", "2"}, map[string]string{"WS_MAX_CONNECTIONS": "8"},
			func(c config) bool { return c.WSMaxConns == 8 && c.WSMaxConnsIP == 2 }, false},
		{"bad ws connection cap", nil, map[string]string{"WS_MAX_CONNECTIONS_PER_IP": "0"}, nil, true},
		{"bad ws connection cap flag", []string{"-ws-max-connections", "0"}, nil, nil, true},
		{"demo", []string{"-demo"}, nil, func(c config) bool { return c.Demo }, false},
		{"env values", nil, map[string]string{"LOCAL_DIR": "/data/local", "SAMPLES_DIR": "/data/s", "WS_READ_LIMIT_MB": "128",
			"OWLCMS_UPDATEKEY": "k", "LEARNING_MODE": "TRUE", "LOG_LEVEL": "debug"}, func(c config) bool {
			return c.LocalDir == "/data/local" && c.SamplesDir == "/data/s" && c.WSReadLimitMB == 128 && c.UpdateKey == "k" &&
				c.LearningMode && c.LogLevel == slog.LevelDebug
		}, false},
		{"flags", []string{"-local", "x", "-ws-read-limit", "8", "-samples", "y", "-healthcheck"}, nil, func(c config) bool {
			return c.LocalDir == "x" && c.WSReadLimitMB == 8 && c.SamplesDir == "y" && c.HealthCheck
		}, false},
		{"h2c and idle timeout", []string{"-idle-timeout", "5s"}, map[string]string{"H2C": "true"},
			func(c config) bool { return c.H2C && c.IdleTimeout == 5*time.Second }, false},
		{"h2c off by default", nil, nil, func(c config) bool { return !c.H2C && c.IdleTimeout == 0 }, false},
		{"bad idle timeout", nil, map[string]string{"IDLE_TIMEOUT": "soon"}, nil, true},
		{"bad log level", nil, map[string]string{"LOG_LEVEL": "loud"}, nil, true},
		{"bad read limit env", nil, map[string]string{"WS_READ_LIMIT_MB": "-1"}, nil, true},
		{"bad read limit flag", []string{"-ws-read-limit", "0"}, nil, nil, true},
		{"unknown flag", []string{"-nope"}, nil, nil, true},
		{"stray argument", []string{"extra"}, nil, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseConfig(tt.args, func(k string) string { return tt.env[k] }, io.Discard)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && !tt.want(c) {
				t.Errorf("config %+v", c)
			}
		})
	}
}

// An environment variable is read by its flag's own parser: a bad value is refused with the
// variable's name, never silently taken as the default.
func TestParseConfigEnvErrorsNameTheVariable(t *testing.T) {
	for env, v := range map[string]string{"FOLLOW": "yes please", "MAX_VIEWERS": "lots", "IDLE_TIMEOUT": "soon", "H2C": "maybe"} {
		_, err := parseConfig(nil, func(k string) string { return map[string]string{env: v}[k] }, io.Discard)
		if err == nil || !strings.Contains(err.Error(), env+"=") {
			t.Errorf("%s=%q: err = %v, want one naming %s", env, v, err, env)
		}
	}
}

// The help names each flag's variable, and the README's configuration table names the same
// variable for each flag: envOf is the one list.
func TestConfigEnvNamesMatchHelpAndReadme(t *testing.T) {
	var help strings.Builder
	if _, err := parseConfig([]string{"-h"}, func(string) string { return "" }, &help); err == nil {
		t.Fatal("-h: want flag.ErrHelp")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `-([a-z0-9-]+)` \\| (`([A-Z0-9_]+)`)? *\\|")
	inReadme := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		inReadme[m[1]] = m[3]
	}
	for flagName, env := range envOf {
		if !strings.Contains(help.String(), "("+env+")") {
			t.Errorf("-h does not name %s for -%s", env, flagName)
		}
		if inReadme[flagName] != env {
			t.Errorf("README names %q for -%s, envOf %q", inReadme[flagName], flagName, env)
		}
	}
	for flagName, env := range inReadme {
		if _, ok := envOf[flagName]; !ok && env != "" && flagName != "addr" {
			t.Errorf("README names %s for -%s, which does not read it", env, flagName)
		}
	}
}
