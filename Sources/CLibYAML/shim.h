#include <yaml.h>

// Exported by libyaml but not declared in yaml.h: BlueprintKit's YAMLEventReader peeks at the next
// token to reproduce a parser fix that Yams' copy of libyaml has (upstream 588eabf).
int yaml_parser_fetch_more_tokens(yaml_parser_t *parser);
