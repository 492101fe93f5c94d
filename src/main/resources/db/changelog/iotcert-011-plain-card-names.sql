-- Before this change the card variables providerName and serviceName held Markdown (common/Markdown.inline:
-- a backslash before each ASCII punctuation character that could form Markdown). They now hold the names as
-- written; the forms read each task's Markdown copy (CaseCardListener). This turns the values of running
-- instances and of their tasks' card copies back into the plain names, once: every escaped character is
-- preceded by its own backslash, so removing the backslash before each escapable character and then halving
-- escaped backslashes restores the text.
UPDATE ACT_RU_VARIABLE SET TEXT_ = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TEXT_, '\`', '`'), '\*', '*'), '\_', '_'), '\[', '['), '\]', ']'), '\(', '('), '\)', ')'), '\<', '<'), '\>', '>'), '\!', '!'), '\&', '&'), '\|', '|'), '\~', '~'), '\{', '{'), '\}', '}'), '\#', '#'), '\:', ':'), '\@', '@'), '\.', '.'), '\-', '-'), '\+', '+'), '\=', '='), '\\', '\')
WHERE NAME_ IN ('providerName', 'serviceName') AND TYPE_ = 'string' AND TEXT_ IS NOT NULL
