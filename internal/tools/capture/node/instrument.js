// Loaded with --require before app.js: the official Node.js SDK with every
// auto-instrumentation, exporting OTLP/protobuf to OTEL_EXPORTER_OTLP_ENDPOINT.
'use strict';
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');

const sdk = new NodeSDK({
  traceExporter: new OTLPTraceExporter(),
  instrumentations: [getNodeAutoInstrumentations({
    // Headers as semconv records them, as string arrays (http.request.header.*).
    '@opentelemetry/instrumentation-http': {
      headersToSpanAttributes: {
        server: { requestHeaders: ['user-agent', 'x-request-id', 'accept-language'], responseHeaders: ['content-type'] },
        client: { requestHeaders: ['x-request-id'], responseHeaders: ['content-type'] },
      },
    },
    '@opentelemetry/instrumentation-fs': { enabled: false },
  })],
});
sdk.start();
global.otelShutdown = () => sdk.shutdown();
