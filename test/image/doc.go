// Package image builds the image users deploy (the repository's Dockerfile, from the
// binary `make build` made) and runs it with podman the way the manifests under deploy/
// run it: each test pod is a podman pod with a network namespace of its own
// (slirp4netns; the containers' ports are published on 127.0.0.1 only), the pod's
// volumes are host folders (an emptyDir as the kubelet makes it, a ConfigMap as its
// files, read-only), and each collector container gets the podman flags its manifest
// implies: user and group, read-only root filesystem, dropped capabilities, no privilege
// escalation, memory and CPU limits, environment, arguments and volume mounts. A
// manifest setting the harness does not know how to run fails the test, so the tests
// cannot drift from the manifests.
//
// The tests need podman and runc (README, "The image"); without podman they skip, unless
// CI=true, where they fail.
package image
