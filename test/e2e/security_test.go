package e2e

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"gopkg.in/yaml.v3"
)

// testPKI is a CA with a server certificate for 127.0.0.1 and a client certificate.
type testPKI struct {
	dir              string
	pool             *x509.CertPool
	client           tls.Certificate
	strangerClient   tls.Certificate // signed by another CA
	caFile, certFile string
	keyFile          string
}

func newCA(t *testing.T, name string) (*x509.Certificate, *ecdsa.PrivateKey) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	return cert, key
}

func issue(t *testing.T, ca *x509.Certificate, caKey *ecdsa.PrivateKey, serial int64, usage x509.ExtKeyUsage, ips []net.IP) (certPEM, keyPEM []byte) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: "otelcol-custom test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{usage}, IPAddresses: ips,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	require.NoError(t, err)
	keyDER, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER})
}

func newTestPKI(t *testing.T) *testPKI {
	p := &testPKI{dir: t.TempDir(), pool: x509.NewCertPool()}
	ca, caKey := newCA(t, "otelcol-custom test CA")
	p.pool.AddCert(ca)
	write := func(name string, b []byte) string {
		path := filepath.Join(p.dir, name)
		require.NoError(t, os.WriteFile(path, b, 0o600))
		return path
	}
	p.caFile = write("ca.crt", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Raw}))
	serverCert, serverKey := issue(t, ca, caKey, 2, x509.ExtKeyUsageServerAuth, []net.IP{net.ParseIP("127.0.0.1")})
	p.certFile, p.keyFile = write("tls.crt", serverCert), write("tls.key", serverKey)
	var err error
	clientCert, clientKey := issue(t, ca, caKey, 3, x509.ExtKeyUsageClientAuth, nil)
	p.client, err = tls.X509KeyPair(clientCert, clientKey)
	require.NoError(t, err)
	other, otherKey := newCA(t, "someone else's CA")
	strangerCert, strangerKey := issue(t, other, otherKey, 4, x509.ExtKeyUsageClientAuth, nil)
	p.strangerClient, err = tls.X509KeyPair(strangerCert, strangerKey)
	require.NoError(t, err)
	return p
}

// TestGatewayTLSClientCertificatesAndBearerToken runs config/gateway.yaml with the
// shipped config/gateway-tls.yaml merged over it, with certificates made by the test:
// only a client with a certificate from the right CA and the right token gets in, over
// gRPC and HTTP, and the token is never printed.
func TestGatewayTLSClientCertificatesAndBearerToken(t *testing.T) {
	const token = "e2e-bearer-token-4f1c9a7d"
	pki := newTestPKI(t)
	jaeger, tempo := StartBackend(t), StartBackend(t)
	env := gatewayEnv(jaeger, tempo, map[string]string{
		"TLS_CERT_FILE": pki.certFile, "TLS_KEY_FILE": pki.keyFile, "TLS_CLIENT_CA_FILE": pki.caFile,
		"GATEWAY_BEARER_TOKEN": token, "LOG_LEVEL": "debug",
	})
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: env, Args: []string{"--config", ConfigPath("gateway-tls.yaml")}})
	payload := ptraceotlp.NewExportRequestFromTraces(validTraces("over-tls"))

	exportGRPC := func(creds credentials.TransportCredentials, bearer string) error {
		conn, err := grpc.NewClient(col.Endpoints.GRPC, grpc.WithTransportCredentials(creds))
		require.NoError(t, err)
		defer conn.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if bearer != "" {
			ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+bearer)
		}
		_, err = ptraceotlp.NewGRPCClient(conn).Export(ctx, payload)
		return err
	}
	withCert := func(cert tls.Certificate) credentials.TransportCredentials {
		return credentials.NewTLS(&tls.Config{RootCAs: pki.pool, Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
	}
	noCert := credentials.NewTLS(&tls.Config{RootCAs: pki.pool, MinVersion: tls.VersionTLS12})

	require.NoError(t, exportGRPC(withCert(pki.client), token), "mTLS and the token")
	assert.Equal(t, codes.Unauthenticated, status.Code(exportGRPC(withCert(pki.client), "wrong-token")), "wrong token")
	assert.Equal(t, codes.Unauthenticated, status.Code(exportGRPC(withCert(pki.client), "")), "no token")
	assert.Equal(t, codes.Unavailable, status.Code(exportGRPC(noCert, token)), "no client certificate")
	assert.Equal(t, codes.Unavailable, status.Code(exportGRPC(withCert(pki.strangerClient), token)), "certificate from another CA")
	assert.Equal(t, codes.Unavailable, status.Code(exportGRPC(insecure.NewCredentials(), token)), "plaintext")

	body, err := payload.MarshalProto()
	require.NoError(t, err)
	postHTTPS := func(cert *tls.Certificate, bearer string) (int, error) {
		cfg := &tls.Config{RootCAs: pki.pool, MinVersion: tls.VersionTLS12}
		if cert != nil {
			cfg.Certificates = []tls.Certificate{*cert}
		}
		client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: cfg}}
		req, err := http.NewRequest(http.MethodPost, "https://"+col.Endpoints.HTTP+"/v1/traces", bytes.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/x-protobuf")
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	code, err := postHTTPS(&pki.client, token)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, code, "HTTP with mTLS and the token")
	code, err = postHTTPS(&pki.client, "")
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnauthorized, code, "HTTP without the token")
	_, err = postHTTPS(nil, token)
	require.Error(t, err, "HTTP without a client certificate")

	Eventually(t, DeliverTimeout, func() bool { return countSpansNamed(jaeger, "over-tls") == 2 }, "the two authorised exports delivered")
	require.NoError(t, col.Stop())
	assert.NotContains(t, col.Output(), token, "the bearer token in the collector's log")
	out, err := RunBinary(binary, env, "print-config", "--config", ConfigPath("gateway.yaml"), "--config", ConfigPath("gateway-tls.yaml"))
	require.NoError(t, err, out)
	assert.Contains(t, out, "bearertokenauth")
	assert.NotContains(t, out, token, "the bearer token in print-config")
}

// TestShippedConfigsKeepDebugEndpointsOnLoopback: pprof and zpages have no auth, so in
// every shipped config they default to 127.0.0.1; the sidecar's receivers too.
func TestShippedConfigsKeepDebugEndpointsOnLoopback(t *testing.T) {
	files, err := filepath.Glob(ConfigPath("*.yaml"))
	require.NoError(t, err)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var cfg struct {
			Extensions map[string]map[string]any `yaml:"extensions"`
			Receivers  struct {
				OTLP struct {
					Protocols map[string]map[string]any `yaml:"protocols"`
				} `yaml:"otlp"`
			} `yaml:"receivers"`
		}
		require.NoError(t, yaml.Unmarshal(raw, &cfg), f)
		for name, ext := range cfg.Extensions {
			if name == "pprof" || name == "zpages" {
				assert.Regexp(t, `^\$\{env:[A-Z_]+:-127\.0\.0\.1:\d+\}$`, ext["endpoint"], "%s: %s", filepath.Base(f), name)
			}
		}
		if filepath.Base(f) == "sidecar.yaml" || filepath.Base(f) == "default.yaml" {
			for proto, p := range cfg.Receivers.OTLP.Protocols {
				assert.Contains(t, p["endpoint"].(string), ":-127.0.0.1:", "%s: otlp %s listens beyond loopback", filepath.Base(f), proto)
			}
		}
	}
}
