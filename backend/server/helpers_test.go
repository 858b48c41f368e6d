package server_test

import "context"

var ctxT = context.Background()
