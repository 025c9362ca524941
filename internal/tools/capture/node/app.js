// An Express storefront and a fetch client calling it, on the loopback interface;
// it exits after a handful of requests, flushing its spans.
'use strict';
const express = require('express');

const app = express();
app.use(express.json());
app.get('/api/v1/products/:sku', (req, res) => res.json({ sku: req.params.sku, price: 12.5 }));
app.post('/api/v1/cart/:id/items', (req, res) => res.status(201).json({ ok: true }));
app.get('/api/v1/fail', () => { throw new Error('inventory service unavailable'); });

const server = app.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const headers = { 'user-agent': 'storefront-web/2.3.1', 'x-request-id': 'req-7f3a9c2e', 'accept-language': 'en-GB,en;q=0.9' };
  try {
    await fetch(`${base}/api/v1/products/SKU-1042?currency=EUR`, { headers });
    await fetch(`${base}/api/v1/cart/c-42/items`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ sku: 'SKU-1042', qty: 2 }) });
    await fetch(`${base}/api/v1/fail`, { headers });
    await fetch(`${base}/not-found`, { headers });
  } finally {
    server.close();
    await global.otelShutdown();
  }
});
