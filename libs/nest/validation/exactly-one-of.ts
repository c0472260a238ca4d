import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Put on one of a group of properties: exactly one of them must be given. Reported on
 * the property it decorates, whichever of them are present.
 */
export function ExactlyOneOf(properties: string[], options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'exactlyOneOf',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: properties,
      options: { message: `exactly one of ${properties.join(' and ')} must be given`, ...options },
      validator: {
        validate: (_value: unknown, args) =>
          properties.filter((name) => (args?.object as Record<string, unknown>)[name] !== undefined).length === 1,
      },
    });
}
