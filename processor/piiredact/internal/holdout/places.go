package holdout

import (
	"fmt"
	"strings"
	"unicode"
)

// Places: where a value under a key, or a value in a sentence, sits in the
// telemetry real applications send. Each place returns the record and what of it
// must survive; the value's bytes as the record holds them (escaped, encoded) are
// what must be gone.

// noise is the ordinary detail around a value: it must survive.
type noise struct {
	ts, tsLog, reqID, traceID, spanID, orderID, dur, host, podIP, route string
}

func (g *gen) noise() noise {
	return noise{
		ts:      fmt.Sprintf("2025-%02d-%02dT%02d:%02d:%02d.%03dZ", g.between(1, 12), g.between(1, 28), g.intn(24), g.intn(60), g.intn(60), g.intn(1000)),
		tsLog:   fmt.Sprintf("2025-%02d-%02d %02d:%02d:%02d,%03d", g.between(1, 12), g.between(1, 28), g.intn(24), g.intn(60), g.intn(60), g.intn(1000)),
		reqID:   g.uuid(),
		traceID: g.hex(32),
		spanID:  g.hex(16),
		orderID: fmt.Sprintf("ORD-%d-%06d", g.between(2023, 2025), g.intn(1000000)),
		dur:     fmt.Sprintf("%d.%dms", g.between(1, 900), g.intn(10)),
		host:    fmt.Sprintf("orders-%d.orders.shop-prod.svc.cluster.local", g.intn(5)),
		podIP:   fmt.Sprintf("10.%d.%d.%d", g.between(0, 255), g.intn(256), g.between(1, 254)),
		route:   g.pick("/api/v1/customers/{id}", "/v2/orders/{orderId}", "/checkout", "/graphql", "/users/{user_id}/profile", "/api/accounts/me"),
	}
}

// keyWordsOf splits a key into lower-case words at '.', '_', '-' and camelCase.
func keyWordsOf(k string) []string {
	var out []string
	var cur []rune
	rs := []rune(k)
	for i, r := range rs {
		switch {
		case r == '.' || r == '_' || r == '-' || r == ' ':
			if len(cur) > 0 {
				out = append(out, strings.ToLower(string(cur)))
			}
			cur = cur[:0]
		case unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]):
			out = append(out, strings.ToLower(string(cur)))
			cur = append(cur[:0], r)
		default:
			cur = append(cur, r)
		}
	}
	if len(cur) > 0 {
		out = append(out, strings.ToLower(string(cur)))
	}
	return out
}

// Keys written into text take every word of the key, in the text's notation
// ("k8s.node.name" is "k8s_node_name", not "name").
func snake(k string) string { return strings.Join(keyWordsOf(k), "_") }
func camel(k string) string {
	w := keyWordsOf(k)
	for i := 1; i < len(w); i++ {
		w[i] = strings.ToUpper(w[i][:1]) + w[i][1:]
	}
	return strings.Join(w, "")
}
func pascal(k string) string {
	c := camel(k)
	return strings.ToUpper(c[:1]) + c[1:]
}
func envName(k string) string { return strings.ToUpper(strings.Join(keyWordsOf(k), "_")) }

// keyedPlace puts value v under key k somewhere; it returns the record, the
// value as the record holds it, and what must survive.
type keyedPlace struct {
	name string
	put  func(g *gen, k, v string) (Record, string, []string)
}

var keyedPlaces = []keyedPlace{
	{"span.attr", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		return Record{Signal: Traces, Name: "PUT " + n.route, Attrs: Map{{"http.route", n.route}, {k, v}, {"http.response.status_code", int64(200)}, {"app.request_id", n.reqID}}}, v, []string{n.route, n.reqID}
	}},
	{"span.attr.prefixed", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		key := g.pick("app.", "shop.", "acme.", "enduser.", "order.") + k
		if key == "enduser.id" {
			key = "app.id" // (the semantic conventions' personal attribute: redacted whole by design)
		}
		return Record{Signal: Traces, Attrs: Map{{key, v}, {"order.number", n.orderID}}}, v, []string{n.orderID}
	}},
	{"span.event.attr", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		return Record{Signal: Traces, EventName: g.pick("customer.updated", "validation.failed", "audit"), Event: Map{{k, v}, {"at", n.ts}}}, v, []string{n.ts}
	}},
	{"log.attr", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		return Record{Signal: Logs, Body: "customer profile updated", Attrs: Map{{k, v}, {"request.id", n.reqID}, {"code.function.name", "CustomerService.update"}}}, v, []string{"customer profile updated", n.reqID}
	}},
	{"log.body.map", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		body := Map{{"msg", "customer profile updated"}, {"level", "info"}, {"time", n.ts}}
		body = append(body, nest(k, v)...)
		body = append(body, KV{"request_id", n.reqID})
		return Record{Signal: Logs, Body: body}, v, []string{n.ts, n.reqID}
	}},
	{"log.body.map.nested", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		inner := nest(k, v)
		body := Map{{"event", "order.placed"}, {"order", Map{{"id", n.orderID}, {g.pick("customer", "payer", "billing", "data", "details"), inner}}}}
		return Record{Signal: Logs, Body: body}, v, []string{n.orderID}
	}},
	{"log.body.json", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		s := fmt.Sprintf(`{"level":"info","ts":"%s","logger":"customers","msg":"profile updated",%s,"request_id":"%s","duration":"%s"}`, n.ts, jsonNest(k, jsonQ(v)), n.reqID, n.dur)
		return Record{Signal: Logs, Body: s}, jsonInner(v), []string{n.ts, n.reqID, n.dur}
	}},
	{"log.body.json.escaped", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		doc := fmt.Sprintf(`{%s,"id":"%s"}`, jsonNest(k, jsonQ(v)), n.orderID)
		s := fmt.Sprintf(`{"level":"error","msg":"upstream rejected payload","payload":%s,"trace_id":"%s"}`, jsonQ(doc), n.traceID)
		return Record{Signal: Logs, Body: s}, jsonInner(jsonInner(v)), []string{n.traceID, n.orderID}
	}},
	{"log.body.logfmt", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		lv := logfmtValue(v)
		s := fmt.Sprintf(`time=%s level=info msg="profile updated" %s=%s request_id=%s duration=%s`, n.ts, snake(k), lv, n.reqID, n.dur)
		return Record{Signal: Logs, Body: s}, inner(lv), []string{n.ts, "request_id=" + n.reqID, n.dur}
	}},
	{"log.body.colon", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		s := fmt.Sprintf("%s INFO  [http-nio-8080-exec-%d] c.a.c.CustomerController : update accepted, %s: %s, order: %s", n.tsLog, g.between(1, 20), camel(k), v, n.orderID)
		return Record{Signal: Logs, Body: s}, v, []string{n.tsLog, "c.a.c.CustomerController : update accepted", n.orderID}
	}},
	{"metric.attr", func(g *gen, k, v string) (Record, string, []string) {
		return Record{Signal: Metrics, Attrs: Map{{"http.route", "/api/v1/login"}, {k, v}, {"http.request.method", "POST"}}}, v, []string{"/api/v1/login"}
	}},
	{"metric.exemplar", func(g *gen, k, v string) (Record, string, []string) {
		return Record{Signal: Metrics, Attrs: Map{{"http.route", "/api/v1/login"}}, Event: Map{{k, v}}}, v, []string{"/api/v1/login"}
	}},
	{"resource.attr", func(g *gen, k, v string) (Record, string, []string) {
		return Record{Signal: g.pickSignal(), Resource: Map{{k, v}}, Body: "started"}, v, nil
	}},
	{"log.body.python", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		pv := pyRepr(v)
		s := fmt.Sprintf("%s - INFO - customers.views - payload received: {'id': 42, '%s': %s, 'created_at': '%s'}", n.tsLog, snake(k), pv, n.ts)
		return Record{Signal: Logs, Body: s}, inner(pv), []string{n.tsLog, n.ts}
	}},
	{"log.body.ruby", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		rv := rubyInspect(v)
		s := fmt.Sprintf(`Processing by CustomersController#update as JSON
  Parameters: {"customer"=>{"%s"=>%s, "tier"=>"gold"}, "id"=>"42"}
Completed 200 OK in %s (Views: 0.2ms | ActiveRecord: 4.1ms | Allocations: 3021)`, snake(k), rv, n.dur)
		return Record{Signal: Logs, Body: s}, inner(rv), []string{"Completed 200 OK in " + n.dur}
	}},
	{"log.body.ruby.symbols", func(g *gen, k, v string) (Record, string, []string) {
		rv := rubyInspect(v)
		s := fmt.Sprintf(`enqueued ProfileSyncJob with args: [{:id=>42, :%s=>%s, :source=>"web"}]`, snake(k), rv)
		return Record{Signal: Logs, Body: s}, inner(rv), []string{`:source=>"web"`}
	}},
	{"log.body.java", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		s := fmt.Sprintf("%s DEBUG 1 --- [nio-8080-exec-3] c.a.customers.CustomerService : saving Customer{id=42, %s='%s', tier=GOLD, createdAt=%s}", n.tsLog, camel(k), v, n.ts)
		return Record{Signal: Logs, Body: s}, v, []string{n.tsLog, "tier=GOLD", n.ts}
	}},
	{"log.body.kotlin", func(g *gen, k, v string) (Record, string, []string) {
		s := fmt.Sprintf("received CustomerDto(id=42, %s=%s, tier=GOLD)", camel(k), v)
		return Record{Signal: Logs, Body: s}, v, []string{"tier=GOLD)"}
	}},
	{"log.body.go", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		s := fmt.Sprintf("%s\tDEBUG\tcustomers/handler.go:88\tdecoded request\t{\"req\": \"&{ID:42 %s:%s Tier:gold}\", \"trace_id\": \"%s\"}", n.ts, pascal(k), jsonInner(v), n.traceID)
		return Record{Signal: Logs, Body: s}, jsonInner(v), []string{n.traceID, "Tier:gold}"}
	}},
	{"log.body.go.map", func(g *gen, k, v string) (Record, string, []string) {
		s := fmt.Sprintf("update fields: map[%s:%s tier:gold updated_by:admin-api]", snake(k), v)
		return Record{Signal: Logs, Body: s}, v, []string{"tier:gold updated_by:admin-api]"}
	}},
	{"log.body.php", func(g *gen, k, v string) (Record, string, []string) {
		s := fmt.Sprintf("[2025-11-07 10:00:00] production.DEBUG: request payload Array\n(\n    [id] => 42\n    [%s] => %s\n    [tier] => gold\n)\n", snake(k), v)
		return Record{Signal: Logs, Body: s}, v, []string{"[tier] => gold"}
	}},
	{"log.body.xml", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		tag := pascal(k)
		s := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><Customer><Id>42</Id><%s>%s</%s><Created>%s</Created></Customer>`, tag, xmlEscape(v), tag, n.ts)
		return Record{Signal: Logs, Body: s}, xmlEscape(v), []string{n.ts, `<?xml version="1.0" encoding="UTF-8"?>`}
	}},
	{"log.body.yaml", func(g *gen, k, v string) (Record, string, []string) {
		yv := yamlScalar(v)
		s := fmt.Sprintf("customer:\n  id: 42\n  %s: %s\n  tier: gold\n", snake(k), yv)
		return Record{Signal: Logs, Body: s}, inner(yv), []string{"tier: gold"}
	}},
	{"log.body.form", func(g *gen, k, v string) (Record, string, []string) {
		ev := queryEscape(v)
		s := fmt.Sprintf("POST /account/update body: id=42&%s=%s&submit=Save+changes", snake(k), ev)
		return Record{Signal: Logs, Body: s}, ev, []string{"&submit=Save+changes"}
	}},
	{"log.body.multipart", func(g *gen, k, v string) (Record, string, []string) {
		b := "----WebKitFormBoundary" + g.alnum(16)
		s := fmt.Sprintf("--%s\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n42\r\n--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n--%s--\r\n", b, b, snake(k), v, b)
		return Record{Signal: Logs, Body: s}, v, []string{b}
	}},
	{"url.query", func(g *gen, k, v string) (Record, string, []string) {
		ev := queryEscape(v)
		u := fmt.Sprintf("https://api.shop.example.com/v1/customers/search?%s=%s&page=2&limit=50", snake(k), ev)
		return Record{Signal: Traces, Name: "GET /v1/customers/search", Attrs: Map{{"url.full", u}, {"http.request.method", "GET"}}}, ev, []string{"&page=2&limit=50", "https://api.shop.example.com/v1/customers/search?"}
	}},
	{"db.statement", func(g *gen, k, v string) (Record, string, []string) {
		s := fmt.Sprintf("UPDATE customers SET %s = '%s', updated_at = now() WHERE id = 42 RETURNING id", snake(k), sqlQuote(v))
		return Record{Signal: Traces, Name: "UPDATE shop.customers", Attrs: Map{{"db.system.name", "postgresql"}, {"db.query.text", s}}}, sqlQuote(v), []string{", updated_at = now() WHERE id = 42 RETURNING id"}
	}},
	{"db.statement.insert", func(g *gen, k, v string) (Record, string, []string) {
		s := fmt.Sprintf("INSERT INTO customers (id, %s, tier) VALUES (42, '%s', 'gold')", snake(k), sqlQuote(v))
		return Record{Signal: Traces, Name: "INSERT shop.customers", Attrs: Map{{"db.system", "mysql"}, {"db.statement", s}}}, sqlQuote(v), []string{"'gold')"}
	}},
	{"log.body.rails-sql", func(g *gen, k, v string) (Record, string, []string) {
		n := g.noise()
		s := fmt.Sprintf(`Customer Update (0.6ms)  UPDATE "customers" SET "%s" = $1, "updated_at" = $2 WHERE "customers"."id" = $3  [["%s", %s], ["updated_at", "%s"], ["id", 42]]`, snake(k), snake(k), rubyInspect(v), n.tsLog)
		return Record{Signal: Logs, Body: s}, inner(rubyInspect(v)), []string{n.tsLog}
	}},
	{"log.body.graphql", func(g *gen, k, v string) (Record, string, []string) {
		s := fmt.Sprintf(`{"operationName":"UpdateCustomer","query":"mutation UpdateCustomer($input: CustomerInput!) { updateCustomer(input: $input) { id } }","variables":{"input":{"id":"42",%s}}}`, jsonNest(camel(k), jsonQ(v)))
		return Record{Signal: Traces, Name: "mutation UpdateCustomer", Attrs: Map{{"graphql.operation.name", "UpdateCustomer"}, {"graphql.request.body", s}}}, jsonInner(v), []string{"UpdateCustomer"}
	}},
	{"exception.message", func(g *gen, k, v string) (Record, string, []string) {
		msg := fmt.Sprintf("invalid %s '%s': rejected by validator", snake(k), v)
		return Record{Signal: Traces, Status: "validation failed", Event: Map{{"exception.type", "ValidationError"}, {"exception.message", msg}}}, v, []string{"ValidationError", ": rejected by validator"}
	}},
	{"log.body.protobuf-text", func(g *gen, k, v string) (Record, string, []string) {
		s := fmt.Sprintf("rpc request: customer { id: 42 %s: %s tier: GOLD }", snake(k), jsonQ(v))
		return Record{Signal: Logs, Body: s}, jsonInner(v), []string{"tier: GOLD }"}
	}},
	{"log.body.csv-header", func(g *gen, k, v string) (Record, string, []string) {
		s := fmt.Sprintf("import row 17 rejected: id=42, %s=%s, reason=duplicate", snake(k), v)
		return Record{Signal: Logs, Body: s}, v, []string{"reason=duplicate"}
	}},
}

func (g *gen) pickSignal() Signal { return Signal(g.intn(3)) }

// prosePlace puts a sentence naming a value somewhere text goes.
type prosePlace struct {
	name string
	put  func(g *gen, sentence string) (Record, []string)
}

var prosePlaces = []prosePlace{
	{"log.body.text", func(g *gen, s string) (Record, []string) {
		return Record{Signal: Logs, Body: s}, nil
	}},
	{"log.body.spring", func(g *gen, s string) (Record, []string) {
		n := g.noise()
		line := fmt.Sprintf("%s  WARN 1 --- [nio-8080-exec-%d] c.a.n.NotificationService : %s", n.ts, g.between(1, 9), s)
		return Record{Signal: Logs, Body: line}, []string{n.ts, "c.a.n.NotificationService"}
	}},
	{"log.body.aspnet", func(g *gen, s string) (Record, []string) {
		line := fmt.Sprintf("warn: Acme.Notifications.SmsSender[%d]\n      %s", g.between(1000, 9999), s)
		return Record{Signal: Logs, Body: line}, []string{"warn: Acme.Notifications.SmsSender["}
	}},
	{"log.body.json.msg", func(g *gen, s string) (Record, []string) {
		n := g.noise()
		line := fmt.Sprintf(`{"timestamp":"%s","level":"WARN","logger":"notifications","message":%s,"trace_id":"%s","span_id":"%s"}`, n.ts, jsonQ(s), n.traceID, n.spanID)
		return Record{Signal: Logs, Body: line}, []string{n.ts, n.traceID, n.spanID}
	}},
	{"log.body.map.msg", func(g *gen, s string) (Record, []string) {
		n := g.noise()
		return Record{Signal: Logs, Body: Map{{"message", s}, {"level", "warn"}, {"trace_id", n.traceID}}}, []string{n.traceID}
	}},
	{"span.status", func(g *gen, s string) (Record, []string) {
		return Record{Signal: Traces, Status: s}, nil
	}},
	{"span.event.exception", func(g *gen, s string) (Record, []string) {
		n := g.noise()
		st := fmt.Sprintf("com.acme.notify.DeliveryException: %s\n\tat com.acme.notify.SmsSender.send(SmsSender.java:%d)\n\tat com.acme.notify.Dispatcher.lambda$run$0(Dispatcher.java:57)\n\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)", s, g.between(40, 300))
		return Record{Signal: Traces, Event: Map{{"exception.type", "com.acme.notify.DeliveryException"}, {"exception.message", s}, {"exception.stacktrace", st}, {"thread.name", "pool-2-thread-" + fmt.Sprint(g.between(1, 9))}}, Attrs: Map{{"messaging.message.id", n.reqID}}},
			[]string{"at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)", n.reqID}
	}},
	{"log.attr.message", func(g *gen, s string) (Record, []string) {
		return Record{Signal: Logs, Body: "notification failed", Attrs: Map{{"error.message", s}, {"code.filepath", "/app/notify/sender.py"}, {"code.line.number", int64(g.between(10, 400))}}}, []string{"/app/notify/sender.py"}
	}},
	{"log.body.python-traceback", func(g *gen, s string) (Record, []string) {
		line := fmt.Sprintf("Traceback (most recent call last):\n  File \"/app/notify/tasks.py\", line %d, in deliver\n    provider.send(msg)\n  File \"/usr/local/lib/python3.12/site-packages/notify/provider.py\", line 88, in send\n    raise DeliveryError(detail)\nnotify.errors.DeliveryError: %s", g.between(10, 300), s)
		return Record{Signal: Logs, Body: line}, []string{"File \"/usr/local/lib/python3.12/site-packages/notify/provider.py\", line 88, in send"}
	}},
}

// bareSentences hold a value whose form alone says what it is, with no word
// naming it.
var bareSentences = []string{
	"processing %s",
	"[%s] queued",
	"lookup key=%s miss",
	"ref: %s",
	"%s",
	"got %s from upstream, retrying",
	"values: %s; 42; gold",
}
