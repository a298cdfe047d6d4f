// Command openapi prints the API's OpenAPI document, the one the server
// serves at /api/openapi.json, so the console's types can be generated from
// it without starting a server or opening a database.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"wenming/internal/httpapi"
)

func main() {
	// The routes describe themselves; no service is called to build the document.
	doc := httpapi.New(httpapi.Deps{Version: "dev"}).OpenAPI()
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		fmt.Fprintln(os.Stderr, "openapi:", err)
		os.Exit(1)
	}
}
