package fieldsecrets

import (
	"fmt"
	"net/url"
	"strings"
)

// corpus collects cases as the builders place them.
type corpus struct {
	*gen
	cases []Case
	i     int
}

func (c *corpus) add(kind, place string, rec Record, secrets, keeps []string) {
	c.i++
	c.cases = append(c.cases, Case{Kind: kind, Place: place, Rec: rec, Secrets: secrets, Keep: keeps})
}

// shellJoin writes argv as a POSIX shell would need it typed: an argument with a
// space or a shell character in single quotes (in double quotes when it holds a
// single quote).
func shellJoin(argv []string) string {
	out := make([]string, len(argv))
	for i, a := range argv {
		switch {
		case a == "":
			out[i] = "''"
		case strings.ContainsRune(a, '\''):
			out[i] = `"` + strings.NewReplacer(`"`, `\"`, `$`, `\$`).Replace(a) + `"`
		case strings.ContainsAny(a, " \t\"$&;|<>(){}*?!#~`\\"):
			out[i] = "'" + a + "'"
		default:
			out[i] = a
		}
	}
	return strings.Join(out, " ")
}

// command places a process's argv as process instrumentation records it: the
// resource's process.command_line and process.command_args, and a supervisor's log
// line that quotes it.
func (c *corpus) command(kind string, argv, secrets, keeps []string) {
	line := shellJoin(argv)
	c.commandLine(kind, line, argv, secrets, keeps)
}

// commandLine places a command whose line is written as given (PowerShell, cmd.exe).
func (c *corpus) commandLine(kind, line string, argv, secrets, keeps []string) {
	exe := argv[0]
	if i := strings.LastIndexAny(exe, `/\`); i >= 0 {
		exe = exe[i+1:]
	}
	pid := int64(1000 + c.n(1, 60000))
	c.add(kind, "process.command_line", Record{Signal: Traces, Name: "process", Resource: Map{
		{K: "process.pid", V: pid}, {K: "process.executable.name", V: exe}, {K: "process.command_line", V: line}, {K: "process.owner", V: "app"},
	}, Attrs: Map{{K: "code.function.name", V: "main.run"}}}, secrets, keeps)
	c.add(kind, "process.command_args", Record{Signal: Logs, Resource: Map{
		{K: "process.pid", V: pid}, {K: "process.executable.name", V: exe}, {K: "process.command_args", V: argv},
	}, Body: "process started"}, secrets, keeps)
	switch c.i % 3 {
	case 0:
		c.add(kind, "log.body.text", Record{Signal: Logs, Body: fmt.Sprintf("spawned child pid=%d: %s", pid, line),
			Attrs: Map{{K: "log.logger", V: "supervisor"}}}, secrets, keeps)
	case 1:
		c.add(kind, "log.body.map", Record{Signal: Logs, Body: Map{{K: "level", V: "info"}, {K: "msg", V: "job step"}, {K: "step", V: int64(c.n(1, 9))}, {K: "cmd", V: line}}}, secrets, keeps)
	default:
		c.add(kind, "span.event", Record{Signal: Traces, Name: "ci.step", EventName: "exception", Event: Map{
			{K: "exception.type", V: "ExitError"}, {K: "exception.message", V: fmt.Sprintf("command failed with exit status %d: %s", c.n(1, 2), line)},
		}}, secrets, keeps)
	}
}

// statement places a database or cache statement in both semantic-convention
// generations, and in a slow-query log line or a driver's error.
func (c *corpus) statement(kind, system, stmt string, secrets, keeps []string) {
	op := strings.ToUpper(strings.SplitN(strings.TrimSpace(stmt), " ", 2)[0])
	c.add(kind, "db.query.text", Record{Signal: Traces, Name: op, Attrs: Map{
		{K: "db.system.name", V: system}, {K: "db.operation.name", V: op}, {K: "db.query.text", V: stmt}, {K: "server.address", V: "db.internal"}, {K: "server.port", V: int64(5432)},
	}}, secrets, keeps)
	c.add(kind, "db.statement", Record{Signal: Traces, Name: op, Attrs: Map{
		{K: "db.system", V: system}, {K: "db.statement", V: stmt}, {K: "net.peer.name", V: "db.internal"}, {K: "db.user", V: "app"},
	}}, secrets, keeps)
	if c.i%2 == 0 {
		c.add(kind, "log.body.text", Record{Signal: Logs, Body: fmt.Sprintf("slow query (%d ms): %s", c.n(200, 9000), stmt)}, secrets, keeps)
	} else {
		c.add(kind, "span.event", Record{Signal: Traces, Name: op, Attrs: Map{{K: "db.system.name", V: system}}, EventName: "exception", Event: Map{
			{K: "exception.type", V: "DatabaseError"}, {K: "exception.message", V: "statement failed: " + stmt},
		}}, secrets, keeps)
	}
}

// text places a piece of text where messages travel: a log body (plain and as a
// structured record's message), an exception event, a span status, and an
// attribute under the given key.
func (c *corpus) text(kind, key, text string, secrets, keeps []string) {
	switch c.i % 4 {
	case 0:
		c.add(kind, "log.body.text", Record{Signal: Logs, Body: text, Attrs: Map{{K: "log.logger", V: "app.db"}}}, secrets, keeps)
	case 1:
		c.add(kind, "log.body.map", Record{Signal: Logs, Body: Map{{K: "level", V: "warn"}, {K: "logger", V: "app.config"}, {K: "message", V: text}}}, secrets, keeps)
	case 2:
		c.add(kind, "span.status", Record{Signal: Traces, Name: "connect", Status: text}, secrets, keeps)
	default:
		c.add(kind, "log.attr", Record{Signal: Logs, Body: "request failed", Attrs: Map{{K: "exception.type", V: "Error"}, {K: "exception.message", V: text}}}, secrets, keeps)
	}
	c.add(kind, "span.event", Record{Signal: Traces, Name: "HTTP GET", EventName: "exception", Event: Map{
		{K: "exception.type", V: "RuntimeError"}, {K: "exception.message", V: text},
		{K: "exception.stacktrace", V: "Traceback (most recent call last):\n  File \"/app/worker.py\", line 88, in run\n    client.connect()\nRuntimeError: " + text},
	}}, secrets, keeps)
	if key != "" {
		sig := Traces
		place := "span.attr"
		if c.i%5 == 0 {
			sig, place = Metrics, "metric.attr"
		}
		c.add(kind, place, Record{Signal: sig, Name: "op", Attrs: Map{{K: key, V: text}}}, secrets, keeps)
	}
}

// dump places a language's or a format's rendering of a value: log bodies, and
// exception messages that print the object.
func (c *corpus) dump(kind, text string, secrets, keeps []string) {
	c.add(kind, "log.body.dump", Record{Signal: Logs, Body: text, Attrs: Map{{K: "log.logger", V: "app"}}}, secrets, keeps)
	if c.i%2 == 0 {
		c.add(kind, "span.event", Record{Signal: Traces, Name: "load config", EventName: "exception", Event: Map{
			{K: "exception.type", V: "ConfigError"}, {K: "exception.message", V: "invalid configuration: " + text},
		}}, secrets, keeps)
	} else {
		c.add(kind, "log.attr", Record{Signal: Logs, Body: "config loaded", Attrs: Map{{K: "config", V: text}}}, secrets, keeps)
	}
}

// header places a request header as HTTP and gRPC instrumentations record it
// (string arrays under lower-case names) and as logs print header maps.
func (c *corpus) header(kind, name, value string, secrets, keeps []string) {
	lname := strings.ToLower(name)
	c.add(kind, "http.header", Record{Signal: Traces, Name: "GET /api/v1/orders", Attrs: Map{
		{K: "http.request.method", V: "GET"}, {K: "url.path", V: "/api/v1/orders"}, {K: "http.request.header." + lname, V: []string{value}},
		{K: "http.request.header.accept", V: []string{"application/json"}}, {K: "http.response.status_code", V: int64(200)},
	}}, secrets, keeps)
	c.add(kind, "grpc.metadata", Record{Signal: Traces, Name: "orders.v1.OrderService/GetOrder", Attrs: Map{
		{K: "rpc.system", V: "grpc"}, {K: "rpc.service", V: "orders.v1.OrderService"}, {K: "rpc.grpc.request.metadata." + lname, V: []string{value}},
		{K: "rpc.grpc.request.metadata.user-agent", V: []string{"grpc-go/1.68.0"}},
	}}, secrets, keeps)
	switch c.i % 3 {
	case 0:
		c.add(kind, "log.body.map", Record{Signal: Logs, Body: Map{{K: "msg", V: "outgoing request"}, {K: "method", V: "POST"},
			{K: "headers", V: Map{{K: "Content-Type", V: "application/json"}, {K: name, V: value}}}}}, secrets, keeps)
	case 1:
		c.add(kind, "log.body.dump", Record{Signal: Logs, Body: fmt.Sprintf("request headers: map[Accept:[application/json] %s:[%s] User-Agent:[Go-http-client/1.1]]", name, value)}, secrets, keeps)
	default:
		c.add(kind, "log.body.text", Record{Signal: Logs, Body: fmt.Sprintf("> GET /v1/items HTTP/1.1\n> Host: api.example.com\n> %s: %s\n> Accept: */*\n", name, value)}, secrets, keeps)
	}
}

// link places a URL as client and server spans record it, and in an access log.
func (c *corpus) link(kind, raw string, secrets, keeps []string) {
	c.add(kind, "url.full", Record{Signal: Traces, Name: "GET", Attrs: Map{
		{K: "http.request.method", V: "GET"}, {K: "url.full", V: raw}, {K: "http.response.status_code", V: int64(200)},
	}}, secrets, keeps)
	u, err := url.Parse(raw)
	if err == nil && u.Path != "" {
		target := u.EscapedPath()
		if u.RawQuery != "" {
			target += "?" + u.RawQuery
		}
		if c.i%2 == 0 {
			c.add(kind, "url.path+query", Record{Signal: Traces, Name: "GET", Attrs: Map{
				{K: "http.request.method", V: "GET"}, {K: "url.path", V: u.EscapedPath()}, {K: "url.query", V: u.RawQuery}, {K: "url.scheme", V: "https"},
			}}, without(secrets, target), keepsIn(keeps, u.EscapedPath()+"\x00"+u.RawQuery))
		} else {
			c.add(kind, "log.body.access", Record{Signal: Logs, Body: fmt.Sprintf(`10.1.%d.%d - - [15/Jan/2025:10:12:%02d +0000] "GET %s HTTP/1.1" 200 %d "-" "curl/8.5.0"`,
				c.n(0, 255), c.n(1, 254), c.n(0, 59), target, c.n(100, 99999))}, without(secrets, target), keepsIn(keeps, target))
		}
	}
	if c.i%4 == 0 {
		c.add(kind, "metric.attr", Record{Signal: Metrics, Attrs: Map{{K: "http.request.method", V: "GET"}, {K: "url.full", V: raw}}}, secrets, keeps)
	} else {
		c.add(kind, "log.body.text", Record{Signal: Logs, Body: "fetching " + raw + " (attempt 2 of 3)"}, secrets, keeps)
	}
}

// without keeps the secrets that text holds.
func without(secrets []string, text string) []string {
	var out []string
	for _, s := range secrets {
		if strings.Contains(text, s) {
			out = append(out, s)
		}
	}
	return out
}

// keepsIn keeps the kept values that text holds.
func keepsIn(keeps []string, text string) []string { return without(keeps, text) }
