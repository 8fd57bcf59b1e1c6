# Writes schemas/blueprint.schema.json: constraints here, descriptions from the field catalog
# (Sources/BlueprintKit/Model/FieldCatalog.swift). Run after changing either; then run
# scripts/embed-schema.py. Usage: python3 scripts/gen-blueprint-schema.py
import json, re
# One severity per problem: JSON Schema has only errors, so a value the rules report as a warning
# or info (unknown keys BP102, falsy values the compiler replaces BP106, no affiliates BP150) is
# allowed here; Tests/BlueprintKitTests/SchemaSeverityTests.swift checks this.
cat=open('Sources/BlueprintKit/Model/FieldCatalog.swift').read()
summ={}
for m in re.finditer(r'\b[fu]\(("?[^,]*"?|lambda|config|affiliate), "([^"]+)", \[[^\]]*\],(?: required: true,)?(?: \.unused\("(?:[^"\\]|\\.)*"\),| \.toolState,)? "((?:[^"\\]|\\.)*)"\)', cat):
    cont={'lambda':'/Lambda','config':'/Lambda/LambdaConfig','affiliate':'/UXData/Affiliates/*','""':''}.get(m.group(1), m.group(1).strip('"'))
    summ[(cont,m.group(2))]=m.group(3).replace('\\"','"')
assert len(summ)==50, len(summ)
def d(c,k): return summ[(c,k)]
L='/Lambda'; C='/Lambda/LambdaConfig'; A='/UXData/Affiliates/*'
def p(c,k,extra): x={"description":d(c,k)}; x.update(extra); return x
schema={
 "$schema":"https://json-schema.org/draft/2020-12/schema",
 "$id":"https://neurocaas.org/schemas/blueprint.schema.json",
 "title":"NeuroCAAS analysis blueprint (stack_config_template.json)",
 "description":"The contract of the current protocol (submit_start.handler_develop / handler_ensemble). bpctl validate applies it, then the NeuroCAAS rules (docs/rules.md), which add what a schema cannot say: COMMAND placeholders per Handler, checks across blueprints, suggestions.",
 "type":"object",
 "required":["PipelineName","REGION","STAGE","Lambda","UXData"],
 "properties":{
  "PipelineName":p("","PipelineName",{"$ref":"#/$defs/pipelineName"}),
  "REGION":p("","REGION",{"$ref":"#/$defs/region"}),
  "STAGE":p("","STAGE",{"enum":["develop","webdev","websubstack"]}),
  "PipelineVersion":p("","PipelineVersion",{"type":"string"}),
  "Metadata":p("","Metadata",{"$ref":"#/$defs/metadata"}),
  "Lambda":p("","Lambda",{"$ref":"#/$defs/lambda"}),
  "UXData":p("","UXData",{"$ref":"#/$defs/uxData"}),
 },
 "$defs":{}}
for k in ["container_history","image_history","develop_history"]:
    schema["properties"][k]=p("",k,{"type":"array","items":{"type":"string"}})
for k in ["active_container","active_image","localenv","script"]:
    schema["properties"][k]=p("",k,{"type":"string"})
defs=schema["$defs"]
defs["pipelineName"]={"description":"S3 bucket and CloudFormation stack name: 3-63 characters, lowercase letters, digits and '-', starting with a letter, not ending with '-'.","type":"string","pattern":"^[a-z][a-z0-9-]{1,61}[a-z0-9]$"}
defs["region"]={"description":"An AWS region code such as us-east-1.","type":"string","pattern":"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$"}
defs["handler"]={"description":"module.function of a Python Lambda handler.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$"}
defs["iamName"]={"description":"An IAM user base name: letters, digits and + = , . @ _ - (the region is appended, and the whole must fit in 64 characters).","type":"string","pattern":"^[A-Za-z0-9+=,.@_-]+$","maxLength":55}
defs["metadata"]={"type":"object","properties":{"bpctl":{"description":"bpctl settings inside the blueprint.","type":"object","properties":{"ignore":{"description":"Inline suppressions: each names a rule and says why.","type":"array","items":{"type":"object","required":["rule"],"properties":{"rule":{"description":"A rule id (BP144) or name (command-legacy-entry).","type":"string"},"reason":{"description":"Why the rule does not apply here (required; bpctl warns without it).","type":"string"}},"additionalProperties":False}}},"additionalProperties":False}}}
defs["lambda"]={"type":"object","required":["CodeUri","Handler","LambdaConfig"],"properties":{
  "CodeUri":p(L,"CodeUri",{"type":"string","minLength":1}),
  "Handler":p(L,"Handler",{"$ref":"#/$defs/handler"}),
  "PostCodeUri":p(L,"PostCodeUri",{"type":"string"}),
  "PostHandler":p(L,"PostHandler",{"type":"string"}),
  "PostTrigger":p(L,"PostTrigger",{"type":"string","minLength":1}),
  "Launch":p(L,"Launch",{"type":"boolean"}),
  "Requirements":p(L,"Requirements",{"type":"string"}),
  "LambdaConfig":p(L,"LambdaConfig",{"$ref":"#/$defs/lambdaConfig"})}}
defs["lambdaConfig"]={"type":"object","required":["AMI","INSTANCE_TYPE","REGION","IAM_ROLE","KEY_NAME","COMMAND"],"properties":{
  "AMI":p(C,"AMI",{"type":"string","pattern":"^ami-([0-9a-f]{8}|[0-9a-f]{17})$"}),
  "INSTANCE_TYPE":p(C,"INSTANCE_TYPE",{"type":"string","pattern":"^[a-z][a-z0-9-]*\\.[a-z0-9]+$"}),
  "REGION":p(C,"REGION",{"$ref":"#/$defs/region"}),
  "IAM_ROLE":p(C,"IAM_ROLE",{"type":"string","minLength":1}),
  "KEY_NAME":p(C,"KEY_NAME",{"type":"string","minLength":1}),
  "SECURITY_GROUPS":p(C,"SECURITY_GROUPS",{"type":"string"}),
  "WORKING_DIRECTORY":p(C,"WORKING_DIRECTORY",{"type":"string"}),
  "COMMAND":p(C,"COMMAND",{"type":"string","minLength":1}),
  "SHUTDOWN_BEHAVIOR":p(C,"SHUTDOWN_BEHAVIOR",{"enum":["stop","terminate",""]}),
  "CONFIG":p(C,"CONFIG",{"type":"string"}),
  "MISSING_CONFIG_ERROR":p(C,"MISSING_CONFIG_ERROR",{"type":"string"}),
  "EXECUTION_TIMEOUT":p(C,"EXECUTION_TIMEOUT",{"type":"integer","minimum":0,"maximum":900}),
  "SSM_TIMEOUT":p(C,"SSM_TIMEOUT",{"type":"integer","minimum":0,"maximum":172800}),
  "LAUNCH":p(C,"LAUNCH",{"type":"boolean"}),
  "LOGFILE":p(C,"LOGFILE",{"type":"string"}),
  "DEPLOY_LIMIT":p(C,"DEPLOY_LIMIT",{"type":"integer","minimum":0}),
  "MAXCOST":p(C,"MAXCOST",{"anyOf":[{"type":"number","minimum":0},{"type":"string","pattern":"^([0-9]+(\\.[0-9]+)?)?$"}]}),
  "MONITOR":p(C,"MONITOR",{"type":"boolean"}),
  "INDIR":p(C,"INDIR",{"type":"string"}),
  "OUTDIR":p(C,"OUTDIR",{"type":"string"}),
  "LOGDIR":p(C,"LOGDIR",{"type":"string"})}}
defs["uxData"]={"type":"object","required":["Affiliates"],"properties":{"Affiliates":p("/UXData","Affiliates",{"type":"array","items":{"$ref":"#/$defs/affiliate"}})}}
defs["affiliate"]={"type":"object","required":["AffiliateName","UserNames"],"properties":{
  "AffiliateName":p(A,"AffiliateName",{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9-]*$"}),
  "UserNames":p(A,"UserNames",{"type":"array","minItems":1,"items":{"$ref":"#/$defs/iamName"}}),
  "UserInput":p(A,"UserInput",{"type":"boolean"}),
  "ContactEmail":p(A,"ContactEmail",{"type":"string"}),
  "PipelineDir":p(A,"PipelineDir",{"type":"string"}),
  "PipelinePath":p(A,"PipelinePath",{"type":"string"})}}
open('schemas/blueprint.schema.json','w').write(json.dumps(schema,indent=2)+"\n")
