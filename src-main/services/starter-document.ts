/** What File → New starts from: a small, valid design with one controller and two routes. */
export const STARTER_DOCUMENT = `openapi: 3.1.0
info:
  title: My API
  version: 0.1.0
x-routecraft:
  profile: fastapi
tags:
  - name: Items
    x-routecraft-prefix: /items
paths:
  /items:
    get:
      tags: [Items]
      operationId: list_items
      summary: List items
      responses:
        '200':
          description: All items.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Item'}
  /items/{item_id}:
    get:
      tags: [Items]
      operationId: get_item
      summary: Get one item
      parameters:
        - name: item_id
          in: path
          required: true
          schema: {type: integer}
      responses:
        '200':
          description: The item.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
        '404':
          description: No such item.
components:
  schemas:
    Item:
      type: object
      required: [id, name]
      properties:
        id: {type: integer, example: 1}
        name: {type: string, example: First item}
`;
